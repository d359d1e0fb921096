using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;

namespace Studio.Integrations
{
    /// <summary>Image generation and image-to-video through AKOOL.</summary>
    public sealed class AkoolImages
    {
        private static readonly HttpClient Http = new HttpClient
        {
            BaseAddress = new Uri("https://openapi.akool.com/"),
            Timeout = TimeSpan.FromSeconds(60),
        };

        public AkoolImages(string apiKey)
        {
            Http.DefaultRequestHeaders.Add("x-api-key", apiKey);
        }

        public async Task<string> GenerateAsync(string prompt)
        {
            var payload = new Dictionary<string, object>
            {
                { "prompt", prompt },
                { "scale", "21:9" },
            };
            var resp = await Http.PostAsJsonAsync("api/open/v3/content/image/createbyprompt", payload);
            resp.EnsureSuccessStatusCode();
            return await resp.Content.ReadAsStringAsync();
        }

        public Task<string> ImageInfoAsync(string id) =>
            Http.GetStringAsync($"api/open/v3/content/image/infobymodelid?image_model_id={id}");

        public async Task<string> AnimateAsync(string image, string prompt)
        {
            var payload = new Dictionary<string, object>
            {
                { "image_url", image },
                { "prompt", prompt },
                { "resolution", "720P" },
            };
            for (var attempt = 1; ; attempt++)
            {
                var resp = await Http.PostAsJsonAsync("api/open/v4/image2Video/createBySourcePrompt", payload);
                if (resp.IsSuccessStatusCode || attempt == 3)
                {
                    return await resp.Content.ReadAsStringAsync();
                }
                await Task.Delay(TimeSpan.FromSeconds(attempt * 2));
            }
        }

        public Task<string> VideoResultsAsync(string ids) =>
            Http.GetStringAsync($"api/open/v4/image2Video/results?_ids={ids}");
    }
}
