// Calls every checked operation through the C# client that OpenAPI Generator's `csharp-netcore`
// writes from dist/openapi.json (with ApiClient.cs beside this file in place of its RestSharp
// HTTP layer), and checks what comes back.
// Usage: mono program.exe <baseUrl> <static|dynamic|odd|served>; the bearer token comes from
// HATHORA_TEST_TOKEN. The expected values are the spec's examples (static) or those of
// scripts/languages/odd-server.ts (odd); against Prism's random data (dynamic) every call must
// succeed and decode.
using System;
using System.Collections.Generic;
using System.Linq;
using Org.OpenAPITools.Api;
using Org.OpenAPITools.Client;
using Org.OpenAPITools.Model;

public static class Program
{
    const string AppId = "app-af469a92-5b45-4565-b3c4-b79878de67d2";
    // The example process; against hathora-processes-server (served) the harness creates a real
    // one first and names it in HATHORA_TEST_PROCESS_ID.
    static readonly string ProcessId = Environment.GetEnvironmentVariable("HATHORA_TEST_PROCESS_ID") ?? "cbfcddd2-0006-43ae-996c-995fff7bed2e";
    // The odd server answers 404 for this id; Prism is asked for its 404 with `Prefer: code=404`.
    const string MissingProcessId = "no-such-process";
    const long Start = 1732320061L, End = 1732323661L;
    static int failures = 0;

    static void Check(string name, bool ok, object got)
    {
        if (ok) Console.WriteLine("ok   " + name);
        else
        {
            failures++;
            Console.WriteLine("FAIL " + name + " (got " + (got ?? "null") + ")");
        }
    }

    /** Runs one API call; a failure is reported and default(T) returned, so its checks are skipped. */
    static T Call<T>(string operation, Func<T> fn)
    {
        try
        {
            var result = fn();
            Console.WriteLine("ok   " + operation + " succeeded");
            return result;
        }
        catch (Exception error)
        {
            failures++;
            Console.WriteLine("FAIL " + operation + ": " + error.GetType().Name + ": " + error.Message.Split('\n')[0]);
            return default(T);
        }
    }

    static Configuration Config(string baseUrl, string token, Dictionary<string, string> headers)
    {
        return new Configuration { BasePath = baseUrl, AccessToken = token, Timeout = 30000, DefaultHeaders = headers };
    }

    public static int Main(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: program.exe <baseUrl> <static|dynamic|odd|served>");
            return 2;
        }
        string baseUrl = args[0], kind = args[1];
        string token = Environment.GetEnvironmentVariable("HATHORA_TEST_TOKEN");
        var v3 = new ProcessesV3Api(Config(baseUrl, token, new Dictionary<string, string>()));
        var v2 = new ProcessesV2Api(Config(baseUrl, token, new Dictionary<string, string>()));

        // Filters: known values for Prism (it validates them), an unknown status and region for the odd server.
        bool odd = kind == "odd", fixedAnswers = kind == "static";
        var status = odd ? new List<string> { "running", "hibernating" } : new List<string> { "running", "starting" };
        var region = odd ? new List<string> { "Seattle", "Atlantis" } : new List<string> { "Seattle", "Frankfurt" };
        string createIn = odd ? "Atlantis" : "Tokyo";

        var process = Call("GetProcess", () => v3.GetProcess(AppId, ProcessId));
        if (process != null)
        {
            var port = process.ExposedPort;
            var extra = process.AdditionalExposedPorts;
            Check("GetProcess: exposedPort decoded", kind == "dynamic" || port != null, port);
            if (fixedAnswers)
            {
                Check("GetProcess: status running", process.Status == "running", process.Status);
                Check("GetProcess: region Seattle", process.Region == "Seattle", process.Region);
                Check("GetProcess: hosting cloud", process.Hosting == "cloud", process.Hosting);
                var created = new DateTime(2024, 10, 24, 21, 50, 58, 93, DateTimeKind.Utc);
                Check("GetProcess: createdAt 2024-10-24T21:50:58.093Z", process.CreatedAt.ToUniversalTime() == created, process.CreatedAt.ToString("o"));
                Check("GetProcess: terminatedAt null", process.TerminatedAt == null, process.TerminatedAt);
                if (port != null) Check("GetProcess: exposedPort tcp 34567", port.TransportType == "tcp" && port.Port == 34567, port);
                Check("GetProcess: additionalExposedPorts[0].port 34568", extra.Count == 1 && extra[0].Port == 34568, extra.Count);
            }
            else if (odd)
            {
                Check("GetProcess: unknown status kept", process.Status == "hibernating", process.Status);
                Check("GetProcess: unknown region kept", process.Region == "Atlantis", process.Region);
                Check("GetProcess: unknown hosting kept", process.Hosting == "orbital", process.Hosting);
                if (port != null) Check("GetProcess: unknown transportType kept", port.TransportType == "quic" && port.Port == 7777, port);
                Check("GetProcess: additionalExposedPorts[0] unknown transportType kept", extra.Count == 1 && extra[0].TransportType == "quic", extra.Count);
            }
            else
            {
                Check("GetProcess: processId decoded", !string.IsNullOrEmpty(process.ProcessId), process.ProcessId);
            }
        }

        var latest = Call("GetLatestProcesses with status and region filters", () => v3.GetLatestProcesses(AppId, status, region));
        if (latest != null && fixedAnswers)
        {
            Check("GetLatestProcesses: the example process", latest.Count >= 1 && latest[0].ProcessId == ProcessId, latest.Count);
        }
        else if (latest != null && odd)
        {
            Check("GetLatestProcesses: two processes", latest.Count == 2, latest.Count);
            if (latest.Count == 2)
            {
                Check("GetLatestProcesses: [0] unknown region kept", latest[0].Region == "Atlantis", latest[0].Region);
                Check("GetLatestProcesses: [1] exposedPort null", latest[1].ExposedPort == null, latest[1].ExposedPort);
            }
        }

        var count = Call("GetProcessesCountExperimental", () => v3.GetProcessesCountExperimental(AppId, status, region));
        if (count != null && (fixedAnswers || odd))
        {
            double expected = fixedAnswers ? 3 : 7;
            Check("count " + expected, count.Count == expected, count.Count);
        }

        var createdProcess = Call("CreateProcess in " + createIn, () => v3.CreateProcess(AppId, createIn));
        if (createdProcess != null && (fixedAnswers || odd))
        {
            Check("CreateProcess: region " + createIn, createdProcess.Region == createIn, createdProcess.Region);
            Check("CreateProcess: exposedPort null", createdProcess.ExposedPort == null, createdProcess.ExposedPort);
        }

        Call("StopProcess", () => { v3.StopProcess(AppId, ProcessId); return true; });

        var metrics = Call("GetProcessMetrics with metrics, start, end, step",
            () => v3.GetProcessMetrics(AppId, ProcessId, new List<string> { "cpu", "memory" }, Start, End, 60));
        if (metrics != null)
        {
            var cpu = metrics.Cpu ?? new List<MetricValue>();
            var memory = metrics.Memory ?? new List<MetricValue>();
            if (fixedAnswers)
            {
                Check("metrics: cpu[1].timestamp exactly 1732320060", cpu.Count == 2 && cpu[1].Timestamp == 1732320060d, cpu.Count);
                Check("metrics: cpu[0].value 0.27", cpu.Count == 2 && cpu[0].Value == 0.27d, cpu.Count);
                Check("metrics: memory[0].value 187695104", memory.Count == 2 && memory[0].Value == 187695104d, memory.Count);
            }
            else if (odd)
            {
                Check("metrics: timestamp 1732320061 decodes exactly", cpu.Count == 1 && cpu[0].Timestamp == 1732320061d && (long)cpu[0].Timestamp == Start, cpu.Count);
                Check("metrics: memory[0].value 187695104", memory.Count == 1 && memory[0].Value == 187695104d, memory.Count);
            }
        }

        var info = Call("GetProcessInfoV2Deprecated (v2)", () => v2.GetProcessInfoV2Deprecated(AppId, ProcessId));
        if (info != null && fixedAnswers)
        {
            Check("v2: deploymentId 1, region Seattle", info.DeploymentId == 1 && info.Region == "Seattle", info.DeploymentId + " " + info.Region);
        }
        else if (info != null && odd)
        {
            Check("v2: deploymentId 42, unknown region and status kept",
                info.DeploymentId == 42 && info.Region == "Atlantis" && info.Status == "hibernating", info.DeploymentId + " " + info.Region + " " + info.Status);
        }

        // A 404 must reach the caller as the client's own error type with the status in it.
        var notFound = new ProcessesV3Api(Config(baseUrl, token, new Dictionary<string, string> { { "Prefer", "code=404" } }));
        try
        {
            notFound.GetProcess(AppId, MissingProcessId);
            Check("GetProcess of a missing process: ApiException 404", false, "no exception");
        }
        catch (ApiException error)
        {
            Check("GetProcess of a missing process: ApiException 404", error.ErrorCode == 404, error.ErrorCode + ": " + error.Message);
        }
        catch (Exception error)
        {
            Check("GetProcess of a missing process: ApiException 404", false, error.GetType().Name + ": " + error.Message);
        }

        if (failures > 0)
        {
            Console.WriteLine(failures + " check(s) failed");
            return 1;
        }
        return 0;
    }
}
