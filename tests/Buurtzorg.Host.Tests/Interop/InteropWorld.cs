using System.Net.Http.Json;
using System.Text.Json;
using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Host.Tests.Access;
using Buurtzorg.Host.Tests.Infrastructure;
using Firely.Fhir.Validation;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace Buurtzorg.Host.Tests.Interop;

[CollectionDefinition(Name)]
public sealed class InteropCollection : ICollectionFixture<InteropWorld>
{
    public const string Name = "Interop";
}

/// <summary>
/// The access world (a secure host, two teams, the client Johanna with her family, central staff)
/// with a care plan worth exporting: two Omaha problems with interventions, ratings at two
/// moments, today's visit taken by nurse Anne de Wit, and a visit note; built over HTTP by the
/// team's nurse. One host for every interop test; the validator reads the R4 specification
/// (shipped in a NuGet package, no network) once.
/// </summary>
public sealed class InteropWorld : IAsyncLifetime
{
    public const int MedicationRegimen = 42;
    public const int Skin = 24;
    public const string NoteText = "Insuline gegeven, bloedsuiker 7,2. Mevrouw voelt zich goed.";

    private static readonly Lazy<Validator> SharedValidator = new(() =>
    {
        var resolver = new CachedResolver(new ZipSource(Path.Combine(AppContext.BaseDirectory, "specification.zip")));
        return new Validator(resolver, new LocalTerminologyService(resolver));
    });

    public AccessWorld World { get; } = new();

    public Validator Validator => SharedValidator.Value;

    public async Task InitializeAsync()
    {
        await World.InitializeAsync();
        var nurse = World.Http(Who.NurseOfTheTeam);
        var client = World.ClientA;
        var today = TeamDay.Today;
        // AddDailyVisit wrote Medication regimen as version 1.
        await Send(nurse.PostAsJsonAsync($"/api/clients/{client}/care-plan/problems/{MedicationRegimen}/ratings",
            new { expectedVersion = 1, moment = "Admission", ratedOn = today.AddDays(-20), knowledge = 2, behavior = 3, status = 1 }, TeamDay.Json));
        await Send(nurse.PostAsJsonAsync($"/api/clients/{client}/care-plan/problems/{MedicationRegimen}/ratings",
            new { expectedVersion = 2, moment = "Review", ratedOn = today.AddDays(-3), knowledge = 4, behavior = 4, status = 3 }, TeamDay.Json));
        await Send(nurse.PutAsJsonAsync($"/api/clients/{client}/care-plan/problems/{Skin}", new
        {
            expectedVersion = 3,
            scope = "Individual",
            type = "Actual",
            signsAndSymptoms = new[] { "wond op het linkerbeen" },
            interventions = new[]
            {
                new
                {
                    id = Guid.NewGuid(), category = "TreatmentsAndProcedures", targetCode = 17, description = "Wond verbinden",
                    timesPerPeriod = 2, period = "Week", windowStart = "13:00", windowEnd = "15:00", durationMinutes = 20,
                    requiredQualification = (string?)null, twoNurses = false, performedBy = "Team",
                },
            },
        }, TeamDay.Json));
        await Send(nurse.PostAsJsonAsync($"/api/clients/{client}/care-plan/problems/{Skin}/ratings",
            new { expectedVersion = 4, moment = "Admission", ratedOn = today.AddDays(-1), knowledge = 3, behavior = 2, status = 2 }, TeamDay.Json));
        await Send(nurse.PostAsJsonAsync($"/api/teams/{World.TeamA}/visits/{World.VisitA.Id}/claim", new { }, TeamDay.Json));
        await Send(nurse.PostAsJsonAsync($"/api/clients/{client}/notes", new { visitId = World.VisitA.Id, text = NoteText }, TeamDay.Json));
    }

    public async Task<CarePlanSnapshot> Plan() =>
        (await World.Http(Who.NurseOfTheTeam).GetFromJsonAsync<CarePlanSnapshot>($"/api/clients/{World.ClientA}/care-plan", TeamDay.Json))!;

    public async Task<JsonElement> ClientVisits() =>
        await World.Http(Who.NurseOfTheTeam).GetFromJsonAsync<JsonElement>($"/api/clients/{World.ClientA}/visits", TeamDay.Json);

    public Task DisposeAsync() => World.DisposeAsync();

    private static async Task Send(Task<HttpResponseMessage> request)
    {
        var response = await request;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
