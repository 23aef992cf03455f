"""Calls every checked operation through the Python client that OpenAPI Generator's `python`
generator writes from dist/openapi.json, and checks what comes back.

Usage: main.py <baseUrl> <static|dynamic|odd|served>; the bearer token comes from HATHORA_TEST_TOKEN.
The expected values are the spec's examples (static) or those of
scripts/languages/odd-server.ts (odd); against Prism's random data (dynamic) every call must
succeed and decode.
"""
import datetime
import os
import sys

import openapi_client

APP_ID = "app-af469a92-5b45-4565-b3c4-b79878de67d2"
# The example process; against hathora-processes-server (served) the harness creates a real one
# first and names it in HATHORA_TEST_PROCESS_ID.
PROCESS_ID = os.environ.get("HATHORA_TEST_PROCESS_ID") or "cbfcddd2-0006-43ae-996c-995fff7bed2e"
# The odd server answers 404 for this id; Prism is asked for its 404 with `Prefer: code=404`.
MISSING_PROCESS_ID = "no-such-process"
START, END = 1732320061, 1732323661
TIMEOUT = 30

failures = 0


def check(name, ok, got):
    global failures
    if ok:
        print("ok   " + name)
    else:
        failures += 1
        print("FAIL %s (got %r)" % (name, got))


def call(operation, fn):
    """Runs one API call; a failure is reported and the call's checks are skipped."""
    global failures
    try:
        result = fn()
    except Exception as error:  # any exception fails the call, whatever the client raises
        failures += 1
        print("FAIL %s: %s: %s" % (operation, type(error).__name__, str(error).splitlines()[0] if str(error) else ""))
        return False, None
    print("ok   %s succeeded" % operation)
    return True, result


def main():
    if len(sys.argv) != 3:
        print("usage: main.py <baseUrl> <static|dynamic|odd|served>", file=sys.stderr)
        return 2
    base_url, kind = sys.argv[1], sys.argv[2]
    configuration = openapi_client.Configuration(host=base_url)
    configuration.access_token = os.environ["HATHORA_TEST_TOKEN"]
    client = openapi_client.ApiClient(configuration)
    v3 = openapi_client.ProcessesV3Api(client)
    v2 = openapi_client.ProcessesV2Api(client)

    # Filters: known values for Prism (it validates them), an unknown status and region for the odd server.
    status, region, create_in = ["running", "starting"], ["Seattle", "Frankfurt"], "Tokyo"
    if kind == "odd":
        status, region, create_in = ["running", "hibernating"], ["Seattle", "Atlantis"], "Atlantis"

    ok, process = call("GetProcess", lambda: v3.get_process(APP_ID, PROCESS_ID, _request_timeout=TIMEOUT))
    if ok:
        port = process.exposed_port
        check("GetProcess: exposedPort decoded", kind == "dynamic" or port is not None, port)
        if kind == "static":
            check("GetProcess: status running", process.status == "running", process.status)
            check("GetProcess: region Seattle", process.region == "Seattle", process.region)
            check("GetProcess: hosting cloud", process.hosting == "cloud", process.hosting)
            expected = datetime.datetime(2024, 10, 24, 21, 50, 58, 93000, tzinfo=datetime.timezone.utc)
            check("GetProcess: createdAt 2024-10-24T21:50:58.093Z", process.created_at == expected, process.created_at)
            check("GetProcess: terminatedAt null", process.terminated_at is None, process.terminated_at)
            if port is not None:
                check("GetProcess: exposedPort tcp 34567", port.transport_type == "tcp" and port.port == 34567, port)
            extra = process.additional_exposed_ports
            check("GetProcess: additionalExposedPorts[0].port 34568", len(extra) == 1 and extra[0].port == 34568, extra)
        elif kind == "odd":
            check("GetProcess: unknown status kept", process.status == "hibernating", process.status)
            check("GetProcess: unknown region kept", process.region == "Atlantis", process.region)
            check("GetProcess: unknown hosting kept", process.hosting == "orbital", process.hosting)
            if port is not None:
                check("GetProcess: unknown transportType kept", port.transport_type == "quic" and port.port == 7777, port)
            extra = process.additional_exposed_ports
            check("GetProcess: additionalExposedPorts[0] unknown transportType kept", len(extra) == 1 and extra[0].transport_type == "quic", extra)
        else:
            check("GetProcess: processId decoded", isinstance(process.process_id, str) and process.process_id != "", process.process_id)

    ok, latest = call("GetLatestProcesses with status and region filters",
                      lambda: v3.get_latest_processes(APP_ID, status=status, region=region, _request_timeout=TIMEOUT))
    if ok and kind == "static":
        check("GetLatestProcesses: the example process", len(latest) >= 1 and latest[0].process_id == PROCESS_ID, len(latest))
    elif ok and kind == "odd":
        check("GetLatestProcesses: two processes", len(latest) == 2, len(latest))
        if len(latest) == 2:
            check("GetLatestProcesses: [0] unknown region kept", latest[0].region == "Atlantis", latest[0].region)
            check("GetLatestProcesses: [1] exposedPort null", latest[1].exposed_port is None, latest[1].exposed_port)

    ok, count = call("GetProcessesCountExperimental",
                     lambda: v3.get_processes_count_experimental(APP_ID, status=status, region=region, _request_timeout=TIMEOUT))
    if ok and kind in ("static", "odd"):
        expected = 3 if kind == "static" else 7
        check("count %d" % expected, count.count == expected, count.count)

    ok, created = call("CreateProcess in " + create_in, lambda: v3.create_process(APP_ID, create_in, _request_timeout=TIMEOUT))
    if ok and kind != "dynamic":
        check("CreateProcess: region " + create_in, created.region == create_in, created.region)
        check("CreateProcess: exposedPort null", created.exposed_port is None, created.exposed_port)

    call("StopProcess", lambda: v3.stop_process(APP_ID, PROCESS_ID, _request_timeout=TIMEOUT))

    ok, metrics = call("GetProcessMetrics with metrics, start, end, step",
                       lambda: v3.get_process_metrics(APP_ID, PROCESS_ID, metrics=["cpu", "memory"], start=START, end=END, step=60,
                                                      _request_timeout=TIMEOUT))
    if ok:
        cpu, memory = metrics.cpu or [], metrics.memory or []
        if kind == "static":
            check("metrics: cpu[1].timestamp exactly 1732320060", len(cpu) == 2 and cpu[1].timestamp == 1732320060, cpu)
            check("metrics: cpu[0].value 0.27", len(cpu) == 2 and cpu[0].value == 0.27, cpu)
            check("metrics: memory[0].value 187695104", len(memory) == 2 and memory[0].value == 187695104, memory)
        elif kind == "odd":
            check("metrics: timestamp 1732320061 decodes exactly",
                  len(cpu) == 1 and cpu[0].timestamp == 1732320061 and int(cpu[0].timestamp) == START, cpu)
            check("metrics: memory[0].value 187695104", len(memory) == 1 and memory[0].value == 187695104, memory)

    ok, info = call("GetProcessInfoV2Deprecated (v2)", lambda: v2.get_process_info_v2_deprecated(APP_ID, PROCESS_ID, _request_timeout=TIMEOUT))
    if ok and kind == "static":
        check("v2: deploymentId 1, region Seattle", info.deployment_id == 1 and info.region == "Seattle", info)
    elif ok and kind == "odd":
        check("v2: deploymentId 42, unknown region and status kept",
              info.deployment_id == 42 and info.region == "Atlantis" and info.status == "hibernating", info)

    # A 404 must reach the caller as the client's own error type with the status in it.
    not_found = openapi_client.ApiClient(configuration, header_name="Prefer", header_value="code=404")
    try:
        openapi_client.ProcessesV3Api(not_found).get_process(APP_ID, MISSING_PROCESS_ID, _request_timeout=TIMEOUT)
        check("GetProcess of a missing process: ApiException 404", False, "no exception")
    except openapi_client.ApiException as error:
        check("GetProcess of a missing process: ApiException 404", error.status == 404, error.status)
    except Exception as error:  # any other exception type is the failure this check exists for
        check("GetProcess of a missing process: ApiException 404", False, type(error).__name__)

    if failures:
        print("%d check(s) failed" % failures)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
