using System.Net.Http;
using System.Text.Json;

// Fills a menu with the languages AKOOL's translation offers.
public class LanguageMenu
{
    private readonly HttpClient http = new HttpClient();

    public async Task<List<string>> Codes()
    {
        var resp = await http.GetAsync("https://openapi.akool.com/api/open/v3/language/list");
        using var doc = JsonDocument.Parse(await resp.Content.ReadAsStringAsync());
        var langs = doc.RootElement.GetProperty("data").GetProperty("lang_list");
        var codes = new List<string>();
        foreach (var l in langs.EnumerateArray())
        {
            codes.Add(l.GetProperty("code").GetString());
        }
        return codes;
    }
}
