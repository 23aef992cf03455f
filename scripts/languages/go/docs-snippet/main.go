// The Go snippet of docs/testing.md, as a program: the region between the docs markers is the
// page's code block word for word (test/spec/language-snippets.test.ts holds them equal), and
// `npm run test:languages` runs this program against the package's fake listening on
// 127.0.0.1:4010 with token "test-token" and app "app-test".
package main

import (
	"context"
	"fmt"
	"os"

	openapi "github.com/GIT_USER_ID/GIT_REPO_ID"
)

func main() {
	// docs:start testing-go
	cfg := openapi.NewConfiguration() // a Go client generated from hathora-processes/openapi.json
	cfg.Servers = openapi.ServerConfigurations{{URL: "http://127.0.0.1:4010"}}
	ctx := context.WithValue(context.Background(), openapi.ContextAccessToken, "test-token")
	process, _, err := openapi.NewAPIClient(cfg).ProcessesV3Api.CreateProcess(ctx, "app-test", "Tokyo").Execute()
	// docs:end
	if err != nil {
		fmt.Printf("FAIL docs snippet: %v\n", err)
		os.Exit(1)
	}
	if process.GetRegion() != "Tokyo" || process.GetProcessId() == "" {
		fmt.Printf("FAIL docs snippet: got %#v\n", process)
		os.Exit(1)
	}
	fmt.Printf("ok   docs snippet created %s in %s, %s\n", process.GetProcessId(), process.GetRegion(), process.GetStatus())
}
