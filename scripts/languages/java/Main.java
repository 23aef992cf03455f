// Calls every checked operation through the Java client that OpenAPI Generator's `java`
// generator (library `native`) writes from dist/openapi.json, and checks what comes back.
// Usage: java Main <baseUrl> <static|dynamic|odd|served>; the bearer token comes from HATHORA_TEST_TOKEN.
// The expected values are the spec's examples (static) or those of
// scripts/languages/odd-server.ts (odd); against Prism's random data (dynamic) every call must
// succeed and decode.
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.openapitools.client.ApiClient;
import org.openapitools.client.ApiException;
import org.openapitools.client.api.ProcessesV2Api;
import org.openapitools.client.api.ProcessesV3Api;

public class Main {
  static final String APP_ID = "app-af469a92-5b45-4565-b3c4-b79878de67d2";
  // The example process; against hathora-processes-server (served) the harness creates a real
  // one first and names it in HATHORA_TEST_PROCESS_ID.
  static final String PROCESS_ID = System.getenv().getOrDefault("HATHORA_TEST_PROCESS_ID", "cbfcddd2-0006-43ae-996c-995fff7bed2e");
  // The odd server answers 404 for this id; Prism is asked for its 404 with `Prefer: code=404`.
  static final String MISSING_PROCESS_ID = "no-such-process";
  static final long START = 1732320061L, END = 1732323661L;
  static int failures = 0;

  static void check(String name, boolean ok, Object got) {
    if (ok) {
      System.out.println("ok   " + name);
    } else {
      failures++;
      System.out.println("FAIL " + name + " (got " + got + ")");
    }
  }

  /** Runs one API call; a failure is reported and null returned, so its checks are skipped. */
  static <T> T call(String operation, Callable<T> fn) {
    try {
      T result = fn.call();
      System.out.println("ok   " + operation + " succeeded");
      return result;
    } catch (Exception error) {
      failures++;
      String message = String.valueOf(error.getMessage()).lines().findFirst().orElse("");
      System.out.println("FAIL " + operation + ": " + error.getClass().getSimpleName() + ": " + message);
      return null;
    }
  }

  /** A client for the server at `base` that sends the token, and `Prefer: <prefer>` unless it is null. */
  static ApiClient client(URI base, String token, String prefer) {
    return new ApiClient()
        .setScheme(base.getScheme())
        .setHost(base.getHost())
        .setPort(base.getPort())
        .setBasePath(base.getRawPath())
        .setReadTimeout(Duration.ofSeconds(30))
        .setRequestInterceptor(request -> {
          request.header("Authorization", "Bearer " + token);
          if (prefer != null) request.header("Prefer", prefer);
        });
  }

  static boolean is(Object value, String expected) {
    return Objects.equals(value == null ? null : value.toString(), expected);
  }

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: java Main <baseUrl> <static|dynamic|odd|served>");
      System.exit(2);
    }
    String kind = args[1];
    URI base = URI.create(args[0]);
    String token = System.getenv("HATHORA_TEST_TOKEN");
    ApiClient client = client(base, token, null);
    ProcessesV3Api v3 = new ProcessesV3Api(client);
    ProcessesV2Api v2 = new ProcessesV2Api(client);

    // Filters: known values for Prism (it validates them), an unknown status and region for the odd server.
    boolean odd = kind.equals("odd"), fixed = kind.equals("static");
    List<String> status = odd ? List.of("running", "hibernating") : List.of("running", "starting");
    List<String> region = odd ? List.of("Seattle", "Atlantis") : List.of("Seattle", "Frankfurt");
    String createIn = odd ? "Atlantis" : "Tokyo";

    var process = call("GetProcess", () -> v3.getProcess(APP_ID, PROCESS_ID));
    if (process != null) {
      var port = process.getExposedPort();
      var extra = process.getAdditionalExposedPorts();
      check("GetProcess: exposedPort decoded", kind.equals("dynamic") || port != null, port);
      if (fixed) {
        check("GetProcess: status running", is(process.getStatus(), "running"), process.getStatus());
        check("GetProcess: region Seattle", is(process.getRegion(), "Seattle"), process.getRegion());
        check("GetProcess: hosting cloud", is(process.getHosting(), "cloud"), process.getHosting());
        check("GetProcess: createdAt 2024-10-24T21:50:58.093Z",
            OffsetDateTime.parse("2024-10-24T21:50:58.093Z").isEqual(process.getCreatedAt()), process.getCreatedAt());
        check("GetProcess: terminatedAt null", process.getTerminatedAt() == null, process.getTerminatedAt());
        if (port != null) {
          check("GetProcess: exposedPort tcp 34567", is(port.getTransportType(), "tcp") && port.getPort() == 34567, port);
        }
        check("GetProcess: additionalExposedPorts[0].port 34568", extra.size() == 1 && extra.get(0).getPort() == 34568, extra);
      } else if (odd) {
        check("GetProcess: unknown status kept", is(process.getStatus(), "hibernating"), process.getStatus());
        check("GetProcess: unknown region kept", is(process.getRegion(), "Atlantis"), process.getRegion());
        check("GetProcess: unknown hosting kept", is(process.getHosting(), "orbital"), process.getHosting());
        if (port != null) {
          check("GetProcess: unknown transportType kept", is(port.getTransportType(), "quic") && port.getPort() == 7777, port);
        }
        check("GetProcess: additionalExposedPorts[0] unknown transportType kept",
            extra.size() == 1 && is(extra.get(0).getTransportType(), "quic"), extra);
      } else {
        check("GetProcess: processId decoded", process.getProcessId() != null && !process.getProcessId().isEmpty(), process.getProcessId());
      }
    }

    var latest = call("GetLatestProcesses with status and region filters", () -> v3.getLatestProcesses(APP_ID, status, region, null));
    if (latest != null && fixed) {
      check("GetLatestProcesses: the example process", latest.size() >= 1 && is(latest.get(0).getProcessId(), PROCESS_ID), latest.size());
    } else if (latest != null && odd) {
      check("GetLatestProcesses: two processes", latest.size() == 2, latest.size());
      if (latest.size() == 2) {
        check("GetLatestProcesses: [0] unknown region kept", is(latest.get(0).getRegion(), "Atlantis"), latest.get(0).getRegion());
        check("GetLatestProcesses: [1] exposedPort null", latest.get(1).getExposedPort() == null, latest.get(1).getExposedPort());
      }
    }

    var count = call("GetProcessesCountExperimental", () -> v3.getProcessesCountExperimental(APP_ID, status, region, null));
    if (count != null && (fixed || odd)) {
      double expected = fixed ? 3 : 7;
      check("count " + (int) expected, count.getCount() != null && count.getCount() == expected, count.getCount());
    }

    var created = call("CreateProcess in " + createIn, () -> v3.createProcess(APP_ID, createIn));
    if (created != null && (fixed || odd)) {
      check("CreateProcess: region " + createIn, is(created.getRegion(), createIn), created.getRegion());
      check("CreateProcess: exposedPort null", created.getExposedPort() == null, created.getExposedPort());
    }

    call("StopProcess", () -> {
      v3.stopProcess(APP_ID, PROCESS_ID);
      return true;
    });

    var metrics = call("GetProcessMetrics with metrics, start, end, step",
        () -> v3.getProcessMetrics(APP_ID, PROCESS_ID, List.of("cpu", "memory"), START, END, 60));
    if (metrics != null) {
      var cpu = metrics.getCpu() == null ? List.<org.openapitools.client.model.MetricValue>of() : metrics.getCpu();
      var memory = metrics.getMemory() == null ? List.<org.openapitools.client.model.MetricValue>of() : metrics.getMemory();
      if (fixed) {
        check("metrics: cpu[1].timestamp exactly 1732320060", cpu.size() == 2 && cpu.get(1).getTimestamp() == 1732320060d, cpu);
        check("metrics: cpu[0].value 0.27", cpu.size() == 2 && cpu.get(0).getValue() == 0.27d, cpu);
        check("metrics: memory[0].value 187695104", memory.size() == 2 && memory.get(0).getValue() == 187695104d, memory);
      } else if (odd) {
        check("metrics: timestamp 1732320061 decodes exactly",
            cpu.size() == 1 && cpu.get(0).getTimestamp() == 1732320061d && cpu.get(0).getTimestamp().longValue() == START, cpu);
        check("metrics: memory[0].value 187695104", memory.size() == 1 && memory.get(0).getValue() == 187695104d, memory);
      }
    }

    var info = call("GetProcessInfoV2Deprecated (v2)", () -> v2.getProcessInfoV2Deprecated(APP_ID, PROCESS_ID));
    if (info != null && fixed) {
      check("v2: deploymentId 1, region Seattle", info.getDeploymentId() == 1 && is(info.getRegion(), "Seattle"), info);
    } else if (info != null && odd) {
      check("v2: deploymentId 42, unknown region and status kept",
          info.getDeploymentId() == 42 && is(info.getRegion(), "Atlantis") && is(info.getStatus(), "hibernating"), info);
    }

    // A 404 must reach the caller as the client's own error type with the status in it.
    ApiClient preferNotFound = client(base, token, "code=404");
    String notFound = "GetProcess of a missing process: ApiException 404";
    try {
      new ProcessesV3Api(preferNotFound).getProcess(APP_ID, MISSING_PROCESS_ID);
      check(notFound, false, "no exception");
    } catch (ApiException error) {
      check(notFound, error.getCode() == 404, error.getCode());
    } catch (Exception error) {
      check(notFound, false, error.getClass().getSimpleName());
    }

    if (failures > 0) {
      System.out.println(failures + " check(s) failed");
      System.exit(1);
    }
  }
}
