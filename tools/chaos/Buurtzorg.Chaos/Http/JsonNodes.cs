using System.Text.Json;
using System.Text.Json.Nodes;

namespace Buurtzorg.Chaos.Http;

public static class JsonNodes
{
    public static T As<T>(this JsonNode? node, string what) =>
        node.Deserialize<T>(Json.Options) ?? throw new InvalidOperationException($"no {what} could be read");
}
