using System.Text.Json.Serialization;
using Buurtzorg.Grains;
using Buurtzorg.Grains.Idempotency;
using Buurtzorg.Grains.Schedule;
using Buurtzorg.Host.Access;
using Buurtzorg.Host.ApiDocs;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Calendar;
using Buurtzorg.Host.Capacity;
using Buurtzorg.Host.CarePlans;
using Buurtzorg.Host.Clients;
using Buurtzorg.Host.Demo;
using Buurtzorg.Host.Faults;
using Buurtzorg.Host.Interop.Fhir;
using Buurtzorg.Host.Interop.PersonalData;
using Buurtzorg.Host.Knowledge;
using Buurtzorg.Host.Notes;
using Buurtzorg.Host.Operations;
using Buurtzorg.Host.Nurses;
using Buurtzorg.Host.Places;
using Buurtzorg.Host.Planning;
using Buurtzorg.Host.Privacy;
using Buurtzorg.Host.Problems;
using Buurtzorg.Host.Rounds;
using Buurtzorg.Host.Schedule;
using Buurtzorg.Host.Security;
using Buurtzorg.Host.Teams;
using Buurtzorg.Host.Visits;
using Buurtzorg.Persistence;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Buurtzorg.Host;

/// <summary>Builds the host: an Orleans silo, the HTTP API, the schedule hub and the thin client.</summary>
public static class BuurtzorgApp
{
    public const string DemoFlag = "--demo";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var demo = args.Contains(DemoFlag);
        var builder = WebApplication.CreateBuilder(args.Where(a => a != DemoFlag).ToArray());
        configure?.Invoke(builder);

        builder.AddOperations();
        builder.AddBuurtzorgSilo(GrainStorage.Name, silo => silo.AddOutcomeLedgers().AddOperations(builder.Configuration));
        // No request of this API comes near a megabyte; a bigger body is refused before it is read.
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = 1024 * 1024);
        builder.Services.AddScheduleEventRelay<ScheduleEventRelay>();
        builder.Services.AddHostedService<HubWatchReview>();
        builder.Services.AddSingleton<VisitDetailsReader>();
        if (demo)
        {
            builder.Services.AddSingleton<DemoAccounts>();
            builder.Services.AddHostedService<DemoRegionSeeder>();
        }

        builder.Services.AddSignInAndAccess();
        builder.Services.AddPrivacy();
        builder.Services.AddCalendarFeeds();
        builder.Services.AddKnowledge();
        builder.Services.AddBrowserProtections();
        builder.Services.AddApiDescription();
        builder.Services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Singleton;
            options.PipelineBehaviors = [typeof(RetryWhileSiloFails<,>), typeof(ValidationBehaviour<,>)];
        });
        // Enums travel as their names; numbers are refused so an undefined value cannot slip in.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDetailsExceptionHandler.NameTheRefusal);
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        // Binding failures (malformed JSON, wrong types) throw, so the handler above answers
        // them with a ProblemDetails body like every other refusal.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddSignalR(o => o.MaximumReceiveMessageSize = 32 * 1024)
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseBrowserProtections();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseSignInLimits();
        app.UseMiddleware<AccessGate>();
        app.UseMiddleware<IdempotencyKeys>();
        app.MapAccounts();
        app.MapClientAccessLog();
        app.MapTeams();
        app.MapClients();
        app.MapVisitNotes();
        app.MapCarePlans();
        app.MapNurses();
        app.MapVisits();
        app.MapCapacity();
        app.MapPlaces();
        app.MapRounds();
        app.MapPlanning();
        app.MapOperations();
        app.MapApiDescription();
        app.MapFhirExport();
        app.MapPersonalData();
        app.MapCalendarFeeds();
        app.MapKnowledge();
        app.MapHub<ScheduleHub>(ScheduleHub.Path).Requires(AccessRule.Self);

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var address in app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            {
                Console.WriteLine($"Buurtzorg is running at {address}");
            }
        });
        return app;
    }
}
