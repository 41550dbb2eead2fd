using System.Text.Json;
using System.Text.Json.Serialization;

namespace Buurtzorg.Chaos.Http;

public static class Json
{
    /// <summary>The API's own conventions: camelCase, enums by name.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };
}
