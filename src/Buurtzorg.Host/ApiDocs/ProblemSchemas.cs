using System.Reflection;
using System.Text.Json.Nodes;
using Buurtzorg.Host.Problems;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Buurtzorg.Host.ApiDocs;

/// <summary>
/// The members every refusal of this host carries beside RFC 9457's: <c>code</c> (one of
/// <see cref="RefusalCodes"/>) always, and for a validation refusal <c>fieldCodes</c> (one of
/// <see cref="FieldCodes"/> per message in <c>errors</c>). The lists are read from the constants,
/// so a new code is documented the day it is added.
/// </summary>
internal sealed class ProblemSchemas : IOpenApiSchemaTransformer
{
    private static readonly string[] Refusals = Constants(typeof(RefusalCodes));
    private static readonly string[] Fields = Constants(typeof(FieldCodes));

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (!typeof(ProblemDetails).IsAssignableFrom(type) || context.JsonPropertyInfo is not null)
        {
            return Task.CompletedTask;
        }

        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties[ProblemDetailsExceptionHandler.CodeKey] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "Which refusal this is: stable, chosen by programs and pages (the title is for people and may be reworded).",
            Enum = [.. Refusals.Select(c => (JsonNode)JsonValue.Create(c))],
        };
        schema.Required ??= new HashSet<string>();
        schema.Required.Add(ProblemDetailsExceptionHandler.CodeKey);

        if (typeof(HttpValidationProblemDetails).IsAssignableFrom(type))
        {
            schema.Description = "A refusal naming the fields to correct; other refusals leave 'errors' and 'fieldCodes' out.";
            schema.Properties["fieldCodes"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Per field of 'errors', what the rule found for each of its messages, in the same order.",
                AdditionalProperties = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. Fields.Select(c => (JsonNode)JsonValue.Create(c))] },
                },
            };
        }

        return Task.CompletedTask;
    }

    private static string[] Constants(Type holder) =>
        [.. holder.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];
}
