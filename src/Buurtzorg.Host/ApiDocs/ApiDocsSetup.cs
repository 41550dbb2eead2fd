using Buurtzorg.Host.Access;
using Buurtzorg.Host.Security;
using Scalar.AspNetCore;

namespace Buurtzorg.Host.ApiDocs;

/// <summary>
/// The OpenAPI document of the HTTP API at <c>/openapi/v1.json</c>, with every refusal an
/// endpoint can answer, and in Development an interactive reference at <c>/scalar</c>.
/// </summary>
public static class ApiDocsSetup
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string ReferencePath = "/scalar";

    public static IServiceCollection AddApiDescription(this IServiceCollection services)
    {
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Buurtzorg";
                document.Info.Description = RefusalResponses.Overview;
                return Task.CompletedTask;
            });
            o.AddSchemaTransformer<ProblemSchemas>();
            o.AddOperationTransformer<RefusalResponses>();
        });
        return services;
    }

    public static WebApplication MapApiDescription(this WebApplication app)
    {
        // The document describes the API, not anyone's data, and the web client's own scripts
        // show the same routes to anyone who opens them. Still, outside Development it is for
        // signed-in accounts only: a stranger gets no map of what to probe, and the access gate
        // keeps its rule that every endpoint says who may use it.
        var development = app.Environment.IsDevelopment();
        app.MapOpenApi()
            .Requires(development ? AccessRule.Public : AccessRule.Self)
            .WithName("GetOpenApiDocument");

        if (development)
        {
            // The page and its script come from the package itself (the machine may be offline and
            // the policy allows no other origin); fonts fall back to the system's for the same reason.
            app.MapScalarApiReference(ReferencePath, o =>
                {
                    o.WithTitle("Buurtzorg API").DisableDefaultFonts().DisableTelemetry();
                    // Its links lead to services outside this host.
                    o.ShowDeveloperTools = DeveloperToolsVisibility.Never;
                })
                .Requires(AccessRule.Public)
                .WithContentSecurityPolicy(ReferencePolicy);
        }

        return app;
    }

    /// <summary>
    /// The host's policy, loosened only as the reference page needs: its configuration is an
    /// inline script, and the page's components set inline styles as they draw.
    /// </summary>
    public const string ReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self' data:; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
}
