"""The Python snippet of docs/testing.md, as a program: the region between the docs markers is the
page's code block word for word (test/spec/language-snippets.test.ts holds them equal), and
`npm run test:languages` runs this program against the package's fake listening on
127.0.0.1:4010 with token "test-token" and app "app-test".
"""
import sys

import openapi_client

# docs:start testing-python
configuration = openapi_client.Configuration(host="http://127.0.0.1:4010")
configuration.access_token = "test-token"  # not a constructor argument in generator 5.0.0-beta2
v3 = openapi_client.ProcessesV3Api(openapi_client.ApiClient(configuration))
process = v3.create_process("app-test", "Tokyo")
# docs:end

if process.region != "Tokyo" or not process.process_id:
    print("FAIL docs snippet: got %r" % (process,))
    sys.exit(1)
print("ok   docs snippet created %s in %s, %s" % (process.process_id, process.region, process.status))
