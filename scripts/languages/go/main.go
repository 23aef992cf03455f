// Calls every checked operation through the Go client that OpenAPI Generator's go-experimental
// generates from dist/openapi.json, and checks what comes back.
// Usage: program <baseUrl> <static|dynamic|odd|served>; the bearer token comes from HATHORA_TEST_TOKEN.
// The expected values are the spec's examples (static) or those of scripts/languages/odd-server.ts
// (odd); against Prism's random data (dynamic) and against hathora-processes-server (served)
// every call must succeed and decode.
package main

import (
	"context"
	"fmt"
	"os"
	"time"

	openapi "github.com/GIT_USER_ID/GIT_REPO_ID"
)

const (
	appID = "app-af469a92-5b45-4565-b3c4-b79878de67d2"
	// The odd server answers 404 for this id; Prism is asked for its 404 with `Prefer: code=404`.
	missingProcessID = "no-such-process"
	start            = int64(1732320061)
	end              = int64(1732323661)
)

// The example process; against hathora-processes-server (served) the harness creates a real
// one first and names it in HATHORA_TEST_PROCESS_ID.
var processID = envOr("HATHORA_TEST_PROCESS_ID", "cbfcddd2-0006-43ae-996c-995fff7bed2e")

func envOr(name, fallback string) string {
	if value := os.Getenv(name); value != "" {
		return value
	}
	return fallback
}

var failures = 0

func check(name string, ok bool, got interface{}) {
	if ok {
		fmt.Printf("ok   %s\n", name)
	} else {
		failures++
		fmt.Printf("FAIL %s (got %#v)\n", name, got)
	}
}

func must(operation string, err error) bool {
	if err != nil {
		failures++
		fmt.Printf("FAIL %s: %v\n", operation, err)
		return false
	}
	fmt.Printf("ok   %s succeeded\n", operation)
	return true
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: program <baseUrl> <static|dynamic|odd|served>")
		os.Exit(2)
	}
	baseURL, kind := os.Args[1], os.Args[2]
	cfg := openapi.NewConfiguration()
	cfg.Servers = openapi.ServerConfigurations{{URL: baseURL}}
	client := openapi.NewAPIClient(cfg)
	ctx, cancel := context.WithTimeout(context.WithValue(context.Background(), openapi.ContextAccessToken, os.Getenv("HATHORA_TEST_TOKEN")), 30*time.Second)
	defer cancel()
	v3 := client.ProcessesV3Api

	// Filters: known values for Prism (it validates them), an unknown status and region for the odd server.
	status, region, createIn := []string{"running", "starting"}, []string{"Seattle", "Frankfurt"}, "Tokyo"
	if kind == "odd" {
		status, region, createIn = []string{"running", "hibernating"}, []string{"Seattle", "Atlantis"}, "Atlantis"
	}

	process, _, err := v3.GetProcess(ctx, appID, processID).Execute()
	if must("GetProcess", err) {
		port := process.ExposedPort.Get()
		check("GetProcess: exposedPort decoded", kind == "dynamic" || port != nil, port)
		switch kind {
		case "static":
			check("GetProcess: status running", process.GetStatus() == "running", process.GetStatus())
			check("GetProcess: region Seattle", process.GetRegion() == "Seattle", process.GetRegion())
			check("GetProcess: hosting cloud", process.GetHosting() == "cloud", process.GetHosting())
			check("GetProcess: createdAt 2024-10-24T21:50:58.093Z", process.GetCreatedAt().Equal(time.Date(2024, 10, 24, 21, 50, 58, 93e6, time.UTC)), process.GetCreatedAt())
			check("GetProcess: terminatedAt null", !process.TerminatedAt.IsSet() || process.TerminatedAt.Get() == nil, process.TerminatedAt)
			if port != nil {
				check("GetProcess: exposedPort tcp 34567", port.GetTransportType() == "tcp" && port.GetPort() == 34567, *port)
			}
			check("GetProcess: additionalExposedPorts[0].port 34568", len(process.AdditionalExposedPorts) == 1 && process.AdditionalExposedPorts[0].GetPort() == 34568, process.AdditionalExposedPorts)
		case "odd":
			check("GetProcess: unknown status kept", process.GetStatus() == "hibernating", process.GetStatus())
			check("GetProcess: unknown region kept", process.GetRegion() == "Atlantis", process.GetRegion())
			check("GetProcess: unknown hosting kept", process.GetHosting() == "orbital", process.GetHosting())
			if port != nil {
				check("GetProcess: unknown transportType kept", port.GetTransportType() == "quic" && port.GetPort() == 7777, *port)
			}
			check("GetProcess: additionalExposedPorts[0] unknown transportType kept", len(process.AdditionalExposedPorts) == 1 && process.AdditionalExposedPorts[0].GetTransportType() == "quic", process.AdditionalExposedPorts)
		default:
			check("GetProcess: processId decoded", process.GetProcessId() != "", process.GetProcessId())
		}
	}

	latest, _, err := v3.GetLatestProcesses(ctx, appID).Status(status).Region(region).Execute()
	if must("GetLatestProcesses with status and region filters", err) {
		switch kind {
		case "static":
			check("GetLatestProcesses: the example process", len(latest) >= 1 && latest[0].GetProcessId() == processID, len(latest))
		case "odd":
			check("GetLatestProcesses: two processes", len(latest) == 2, len(latest))
			if len(latest) == 2 {
				check("GetLatestProcesses: [0] unknown region kept", latest[0].GetRegion() == "Atlantis", latest[0].GetRegion())
				check("GetLatestProcesses: [1] exposedPort null", latest[1].ExposedPort.IsSet() && latest[1].ExposedPort.Get() == nil, latest[1].ExposedPort)
			}
		}
	}

	count, _, err := v3.GetProcessesCountExperimental(ctx, appID).Status(status).Region(region).Execute()
	if must("GetProcessesCountExperimental", err) {
		switch kind {
		case "static":
			check("count 3", count.GetCount() == 3, count.GetCount())
		case "odd":
			check("count 7", count.GetCount() == 7, count.GetCount())
		}
	}

	created, _, err := v3.CreateProcess(ctx, appID, createIn).Execute()
	if must("CreateProcess in "+createIn, err) && kind != "dynamic" {
		check("CreateProcess: region "+createIn, created.GetRegion() == createIn, created.GetRegion())
		check("CreateProcess: exposedPort null", created.ExposedPort.IsSet() && created.ExposedPort.Get() == nil, created.ExposedPort)
	}

	_, err = v3.StopProcess(ctx, appID, processID).Execute()
	must("StopProcess", err)

	metrics, _, err := v3.GetProcessMetrics(ctx, appID, processID).Metrics([]string{"cpu", "memory"}).Start(start).End(end).Step(60).Execute()
	if must("GetProcessMetrics with metrics, start, end, step", err) {
		cpu, memory := metrics.GetCpu(), metrics.GetMemory()
		switch kind {
		case "static":
			check("metrics: cpu[1].timestamp exactly 1732320060", len(cpu) == 2 && cpu[1].GetTimestamp() == 1732320060, cpu)
			check("metrics: cpu[0].value 0.27", len(cpu) == 2 && cpu[0].GetValue() == 0.27, cpu)
			check("metrics: memory[0].value 187695104", len(memory) == 2 && memory[0].GetValue() == 187695104, memory)
		case "odd":
			check("metrics: timestamp 1732320061 decodes exactly", len(cpu) == 1 && cpu[0].GetTimestamp() == 1732320061 && int64(cpu[0].GetTimestamp()) == start, cpu)
			check("metrics: memory[0].value 187695104", len(memory) == 1 && memory[0].GetValue() == 187695104, memory)
		}
	}

	v2, _, err := client.ProcessesV2Api.GetProcessInfoV2Deprecated(ctx, appID, processID).Execute()
	if must("GetProcessInfoV2Deprecated (v2)", err) {
		switch kind {
		case "static":
			check("v2: deploymentId 1, region Seattle", v2.GetDeploymentId() == 1 && v2.GetRegion() == "Seattle", v2)
		case "odd":
			check("v2: deploymentId 42, unknown region and status kept", v2.GetDeploymentId() == 42 && v2.GetRegion() == "Atlantis" && v2.GetStatus() == "hibernating", v2)
		}
	}

	// A 404 must reach the caller as the client's own error type with the status in it.
	notFoundCfg := openapi.NewConfiguration()
	notFoundCfg.Servers = openapi.ServerConfigurations{{URL: baseURL}}
	notFoundCfg.AddDefaultHeader("Prefer", "code=404")
	_, response, err := openapi.NewAPIClient(notFoundCfg).ProcessesV3Api.GetProcess(ctx, appID, missingProcessID).Execute()
	_, isAPIError := err.(openapi.GenericOpenAPIError)
	check("GetProcess of a missing process: GenericOpenAPIError, HTTP 404", isAPIError && response != nil && response.StatusCode == 404, err)

	if failures > 0 {
		fmt.Printf("%d check(s) failed\n", failures)
		os.Exit(1)
	}
}
