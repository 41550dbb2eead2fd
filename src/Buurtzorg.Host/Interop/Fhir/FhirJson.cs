using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Buurtzorg.Host.Interop.Fhir;

/// <summary>FHIR's own JSON (not the API's camel-cased records): the SDK's serializer knows the R4 model's names and choice types.</summary>
public static class FhirJson
{
    public const string MediaType = "application/fhir+json";

    private static readonly BaseFhirJsonSerializer Serializer = new(ModelInfo.ModelInspector);

    public static string Serialize(Resource resource, bool pretty = false) => Serializer.SerializeToString(resource, pretty);
}
