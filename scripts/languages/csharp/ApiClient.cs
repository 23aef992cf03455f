// Stands in for two files of the client that OpenAPI Generator 5.0.0-beta2's `csharp-netcore`
// writes: Client/ApiClient.cs (built on RestSharp) and Client/RetryConfiguration.cs (Polly).
// RestSharp and Polly are NuGet packages, and this project's machines reach only npm and
// Debian, so `npm run test:languages` deletes those two files and compiles this one in their
// place with Mono's `mcs`. It implements the generated ISynchronousClient and
// IAsynchronousClient over System.Net.Http.HttpClient and Newtonsoft.Json, which Debian has.
// Everything else the generator wrote (the Api classes, the models, RequestOptions, ClientUtils,
// ApiException, Configuration) is compiled unchanged, so what the test proves about them holds
// for a NuGet build too. A .NET user with NuGet keeps the generated files as they are.
//
// Same contract as the generated ApiClient: path parameters percent-encoded into the path,
// every value of a query parameter sent as its own key (the Api classes already expand
// `explode: true` arrays into one entry per value), JSON decoded with the generator's settings,
// and a non-2xx answer returned with its status and raw body so that the generated
// ExceptionFactory turns it into an ApiException with ErrorCode set.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;

namespace Org.OpenAPITools.Client
{
    public partial class ApiClient : ISynchronousClient, IAsynchronousClient
    {
        // One HttpClient for the process, as Microsoft recommends; the timeout is per request.
        private static readonly HttpClient Http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        private static readonly JsonSerializerSettings Settings = new JsonSerializerSettings
        {
            // The generated models hide their default constructors, as in the generated codec.
            ConstructorHandling = ConstructorHandling.AllowNonPublicDefaultConstructor,
        };

        private readonly string _baseUrl;

        public ApiClient() : this(GlobalConfiguration.Instance.BasePath) { }

        public ApiClient(string basePath)
        {
            if (string.IsNullOrEmpty(basePath)) throw new ArgumentException("basePath cannot be empty");
            _baseUrl = basePath.TrimEnd('/');
        }

        private string Url(string path, RequestOptions options)
        {
            var url = new StringBuilder(_baseUrl);
            var resolved = path;
            foreach (var parameter in options.PathParameters)
                resolved = resolved.Replace("{" + parameter.Key + "}", Uri.EscapeDataString(parameter.Value));
            url.Append(resolved);
            var separator = '?';
            foreach (var parameter in options.QueryParameters)
            {
                foreach (var value in parameter.Value)
                {
                    url.Append(separator).Append(Uri.EscapeDataString(parameter.Key)).Append('=').Append(Uri.EscapeDataString(value));
                    separator = '&';
                }
            }
            return url.ToString();
        }

        private async Task<ApiResponse<T>> Send<T>(HttpMethod method, string path, RequestOptions options, IReadableConfiguration configuration, CancellationToken cancellationToken)
        {
            var config = configuration ?? GlobalConfiguration.Instance;
            var request = new HttpRequestMessage(new System.Net.Http.HttpMethod(method.ToString().ToUpperInvariant()), Url(path, options));
            if (options.Data != null)
            {
                request.Content = new StringContent(JsonConvert.SerializeObject(options.Data, Settings), Encoding.UTF8, "application/json");
            }
            foreach (var header in config.DefaultHeaders ?? new Dictionary<string, string>())
                request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            foreach (var header in options.HeaderParameters)
            {
                if (header.Key == "Content-Type") continue; // belongs to the body, set above
                request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            if (config.UserAgent != null) request.Headers.TryAddWithoutValidation("User-Agent", config.UserAgent);

            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                if (config.Timeout > 0) timeout.CancelAfter(config.Timeout);
                HttpResponseMessage response;
                try
                {
                    response = await Http.SendAsync(request, timeout.Token).ConfigureAwait(false);
                }
                catch (Exception error) when (error is HttpRequestException || error is TaskCanceledException)
                {
                    // No HTTP status at all: the generated ApiException with ErrorCode 0.
                    throw new ApiException(0, "Error calling " + path + ": " + error.Message);
                }
                using (response)
                {
                    var raw = response.Content == null ? "" : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    var headers = new Multimap<string, string>();
                    foreach (var header in response.Headers.Concat(response.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
                        foreach (var value in header.Value) headers.Add(header.Key, value);
                    T data = default(T);
                    // Only a success is decoded as T; an error body stays raw for the ApiException.
                    if (response.IsSuccessStatusCode && raw.Length > 0 && typeof(T) != typeof(object))
                    {
                        data = JsonConvert.DeserializeObject<T>(raw, Settings);
                    }
                    return new ApiResponse<T>(response.StatusCode, headers, data, raw);
                }
            }
        }

        private ApiResponse<T> SendSync<T>(HttpMethod method, string path, RequestOptions options, IReadableConfiguration configuration)
        {
            return Send<T>(method, path, options, configuration, CancellationToken.None).GetAwaiter().GetResult();
        }

        public ApiResponse<T> Get<T>(string path, RequestOptions options, IReadableConfiguration configuration = null) => SendSync<T>(HttpMethod.Get, path, options, configuration);
        public ApiResponse<T> Post<T>(string path, RequestOptions options, IReadableConfiguration configuration = null) => SendSync<T>(HttpMethod.Post, path, options, configuration);
        public ApiResponse<T> Put<T>(string path, RequestOptions options, IReadableConfiguration configuration = null) => SendSync<T>(HttpMethod.Put, path, options, configuration);
        public ApiResponse<T> Delete<T>(string path, RequestOptions options, IReadableConfiguration configuration = null) => SendSync<T>(HttpMethod.Delete, path, options, configuration);
        public ApiResponse<T> Head<T>(string path, RequestOptions options, IReadableConfiguration configuration = null) => SendSync<T>(HttpMethod.Head, path, options, configuration);
        public ApiResponse<T> Options<T>(string path, RequestOptions options, IReadableConfiguration configuration = null) => SendSync<T>(HttpMethod.Options, path, options, configuration);
        public ApiResponse<T> Patch<T>(string path, RequestOptions options, IReadableConfiguration configuration = null) => SendSync<T>(HttpMethod.Patch, path, options, configuration);

        public Task<ApiResponse<T>> GetAsync<T>(string path, RequestOptions options, IReadableConfiguration configuration = null, CancellationToken cancellationToken = default(CancellationToken)) => Send<T>(HttpMethod.Get, path, options, configuration, cancellationToken);
        public Task<ApiResponse<T>> PostAsync<T>(string path, RequestOptions options, IReadableConfiguration configuration = null, CancellationToken cancellationToken = default(CancellationToken)) => Send<T>(HttpMethod.Post, path, options, configuration, cancellationToken);
        public Task<ApiResponse<T>> PutAsync<T>(string path, RequestOptions options, IReadableConfiguration configuration = null, CancellationToken cancellationToken = default(CancellationToken)) => Send<T>(HttpMethod.Put, path, options, configuration, cancellationToken);
        public Task<ApiResponse<T>> DeleteAsync<T>(string path, RequestOptions options, IReadableConfiguration configuration = null, CancellationToken cancellationToken = default(CancellationToken)) => Send<T>(HttpMethod.Delete, path, options, configuration, cancellationToken);
        public Task<ApiResponse<T>> HeadAsync<T>(string path, RequestOptions options, IReadableConfiguration configuration = null, CancellationToken cancellationToken = default(CancellationToken)) => Send<T>(HttpMethod.Head, path, options, configuration, cancellationToken);
        public Task<ApiResponse<T>> OptionsAsync<T>(string path, RequestOptions options, IReadableConfiguration configuration = null, CancellationToken cancellationToken = default(CancellationToken)) => Send<T>(HttpMethod.Options, path, options, configuration, cancellationToken);
        public Task<ApiResponse<T>> PatchAsync<T>(string path, RequestOptions options, IReadableConfiguration configuration = null, CancellationToken cancellationToken = default(CancellationToken)) => Send<T>(HttpMethod.Patch, path, options, configuration, cancellationToken);
    }
}
