// Calls every checked operation through the Rust client that OpenAPI Generator's `rust`
// generator (library `reqwest`) writes from dist/openapi.json, and checks what comes back.
// Usage: program <baseUrl> <static|dynamic|odd|served>; the bearer token comes from HATHORA_TEST_TOKEN.
// The expected values are the spec's examples (static) or those of
// scripts/languages/odd-server.ts (odd); against Prism's random data (dynamic) every call must
// succeed and decode.
//
// The list and count calls pass two values per filter, as the other programs do. This client
// joins them with commas (`status=running%2Chibernating`) where the spec says repeated keys;
// the program cannot see that, the harness does (its "multi-value filters" check, a known
// failure for Rust). Against the odd server the program also lists with one value per filter,
// the workaround the README gives, and the harness checks that that request arrived as sent.
use openapi::apis::configuration::Configuration;
use openapi::apis::{processes_v2_api as v2, processes_v3_api as v3, Error};
use std::fmt::Debug;
use std::time::Duration;

const APP_ID: &str = "app-af469a92-5b45-4565-b3c4-b79878de67d2";
// The example process; against hathora-processes-server (served) the harness creates a real one
// first and names it in HATHORA_TEST_PROCESS_ID.
const EXAMPLE_PROCESS_ID: &str = "cbfcddd2-0006-43ae-996c-995fff7bed2e";
// The odd server answers 404 for this id; Prism is asked for its 404 with `Prefer: code=404`.
const MISSING_PROCESS_ID: &str = "no-such-process";
const START: i64 = 1732320061;
const END: i64 = 1732323661;

struct Checks {
    failures: u32,
}

impl Checks {
    fn check(&mut self, name: &str, ok: bool, got: impl Debug) {
        if ok {
            println!("ok   {}", name);
        } else {
            self.failures += 1;
            println!("FAIL {} (got {:?})", name, got);
        }
    }

    /// Reports one API call; a failure returns None, so its checks are skipped.
    fn call<T, E: Debug>(&mut self, operation: &str, result: Result<T, Error<E>>) -> Option<T> {
        match result {
            Ok(value) => {
                println!("ok   {} succeeded", operation);
                Some(value)
            }
            Err(error) => {
                self.failures += 1;
                println!("FAIL {}: {:?}", operation, error);
                None
            }
        }
    }
}

fn configuration(base_url: &str, token: &str, headers: reqwest::header::HeaderMap) -> Configuration {
    let client = reqwest::Client::builder().timeout(Duration::from_secs(30)).default_headers(headers).build().expect("reqwest client");
    Configuration { base_path: base_url.to_owned(), bearer_access_token: Some(token.to_owned()), client, ..Configuration::default() }
}

fn strings(values: &[&str]) -> Option<Vec<String>> {
    Some(values.iter().map(|value| value.to_string()).collect())
}

async fn run(base_url: &str, kind: &str, token: &str) -> u32 {
    let config = configuration(base_url, token, reqwest::header::HeaderMap::new());
    let mut c = Checks { failures: 0 };
    let (fixed, odd) = (kind == "static", kind == "odd");
    let process_id_owned = std::env::var("HATHORA_TEST_PROCESS_ID").unwrap_or_else(|_| EXAMPLE_PROCESS_ID.to_string());
    let process_id: &str = &process_id_owned;

    // Filters: known values for Prism (it validates them), an unknown status and region for the odd server.
    let (status, region, create_in): (&[&str], &[&str], &str) =
        if odd { (&["running", "hibernating"], &["Seattle", "Atlantis"], "Atlantis") } else { (&["running", "starting"], &["Seattle", "Frankfurt"], "Tokyo") };

    if let Some(process) = c.call("GetProcess", v3::get_process(&config, APP_ID, process_id).await) {
        let port = process.exposed_port.as_ref();
        let extra = &process.additional_exposed_ports;
        c.check("GetProcess: exposedPort decoded", kind == "dynamic" || port.is_some(), port);
        if fixed {
            c.check("GetProcess: status running", process.status == "running", &process.status);
            c.check("GetProcess: region Seattle", process.region == "Seattle", &process.region);
            c.check("GetProcess: hosting cloud", process.hosting.as_deref() == Some("cloud"), &process.hosting);
            // Dates stay strings in this client: compared as the text Prism sends.
            c.check("GetProcess: createdAt 2024-10-24T21:50:58.093Z", process.created_at == "2024-10-24T21:50:58.093Z", &process.created_at);
            c.check("GetProcess: terminatedAt null", process.terminated_at.is_none(), &process.terminated_at);
            if let Some(port) = port {
                c.check("GetProcess: exposedPort tcp 34567", port.transport_type == "tcp" && port.port == 34567, port);
            }
            c.check("GetProcess: additionalExposedPorts[0].port 34568", extra.len() == 1 && extra[0].port == 34568, extra);
        } else if odd {
            c.check("GetProcess: unknown status kept", process.status == "hibernating", &process.status);
            c.check("GetProcess: unknown region kept", process.region == "Atlantis", &process.region);
            c.check("GetProcess: unknown hosting kept", process.hosting.as_deref() == Some("orbital"), &process.hosting);
            if let Some(port) = port {
                c.check("GetProcess: unknown transportType kept", port.transport_type == "quic" && port.port == 7777, port);
            }
            c.check("GetProcess: additionalExposedPorts[0] unknown transportType kept", extra.len() == 1 && extra[0].transport_type == "quic", extra);
        } else {
            c.check("GetProcess: processId decoded", !process.process_id.is_empty(), &process.process_id);
        }
    }

    let latest = v3::get_latest_processes(&config, APP_ID, strings(status), strings(region), None).await;
    if let Some(latest) = c.call("GetLatestProcesses with status and region filters", latest) {
        if fixed {
            c.check("GetLatestProcesses: the example process", !latest.is_empty() && latest[0].process_id == process_id, latest.len());
        } else if odd {
            c.check("GetLatestProcesses: two processes", latest.len() == 2, latest.len());
            if latest.len() == 2 {
                c.check("GetLatestProcesses: [0] unknown region kept", latest[0].region == "Atlantis", &latest[0].region);
                c.check("GetLatestProcesses: [1] exposedPort null", latest[1].exposed_port.is_none(), &latest[1].exposed_port);
            }
        }
    }
    if odd {
        let one = v3::get_latest_processes(&config, APP_ID, strings(&["hibernating"]), strings(&["Atlantis"]), None).await;
        if let Some(one) = c.call("GetLatestProcesses with one value per filter", one) {
            c.check("GetLatestProcesses (one value per filter): two processes", one.len() == 2, one.len());
        }
    }

    let count = v3::get_processes_count_experimental(&config, APP_ID, strings(status), strings(region), None).await;
    if let Some(count) = c.call("GetProcessesCountExperimental", count) {
        if fixed || odd {
            let expected = if fixed { 3.0 } else { 7.0 };
            c.check(&format!("count {}", expected), count.count == expected, count.count);
        }
    }

    if let Some(created) = c.call(&format!("CreateProcess in {}", create_in), v3::create_process(&config, APP_ID, create_in).await) {
        if fixed || odd {
            c.check(&format!("CreateProcess: region {}", create_in), created.region == create_in, &created.region);
            c.check("CreateProcess: exposedPort null", created.exposed_port.is_none(), &created.exposed_port);
        }
    }

    c.call("StopProcess", v3::stop_process(&config, APP_ID, process_id).await);

    let metrics = v3::get_process_metrics(&config, APP_ID, process_id, strings(&["cpu", "memory"]), Some(START), Some(END), Some(60)).await;
    if let Some(metrics) = c.call("GetProcessMetrics with metrics, start, end, step", metrics) {
        let cpu = metrics.cpu.unwrap_or_default();
        let memory = metrics.memory.unwrap_or_default();
        if fixed {
            c.check("metrics: cpu[1].timestamp exactly 1732320060", cpu.len() == 2 && cpu[1].timestamp == 1732320060.0, &cpu);
            c.check("metrics: cpu[0].value 0.27", cpu.len() == 2 && cpu[0].value == 0.27, &cpu);
            c.check("metrics: memory[0].value 187695104", memory.len() == 2 && memory[0].value == 187695104.0, &memory);
        } else if odd {
            c.check("metrics: timestamp 1732320061 decodes exactly", cpu.len() == 1 && cpu[0].timestamp == 1732320061.0 && cpu[0].timestamp as i64 == START, &cpu);
            c.check("metrics: memory[0].value 187695104", memory.len() == 1 && memory[0].value == 187695104.0, &memory);
        }
    }

    if let Some(info) = c.call("GetProcessInfoV2Deprecated (v2)", v2::get_process_info_v2_deprecated(&config, APP_ID, process_id).await) {
        if fixed {
            c.check("v2: deploymentId 1, region Seattle", info.deployment_id == 1 && info.region == "Seattle", (&info.deployment_id, &info.region));
        } else if odd {
            c.check(
                "v2: deploymentId 42, unknown region and status kept",
                info.deployment_id == 42 && info.region == "Atlantis" && info.status == "hibernating",
                (&info.deployment_id, &info.region, &info.status),
            );
        }
    }

    // A 404 must reach the caller as the client's own error type with the status in it.
    let mut prefer = reqwest::header::HeaderMap::new();
    prefer.insert("Prefer", reqwest::header::HeaderValue::from_static("code=404"));
    let not_found = v3::get_process(&configuration(base_url, token, prefer), APP_ID, MISSING_PROCESS_ID).await;
    let status = match &not_found {
        Err(Error::ResponseError(response)) => Some(response.status.as_u16()),
        _ => None,
    };
    c.check("GetProcess of a missing process: Error::ResponseError with status 404", status == Some(404), not_found.map(|p| p.process_id));

    c.failures
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 3 {
        eprintln!("usage: program <baseUrl> <static|dynamic|odd|served>");
        std::process::exit(2);
    }
    let token = std::env::var("HATHORA_TEST_TOKEN").unwrap_or_default();
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("tokio runtime");
    let failures = runtime.block_on(run(&args[1], &args[2], &token));
    if failures > 0 {
        println!("{} check(s) failed", failures);
        std::process::exit(1);
    }
}
