using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Buurtzorg.Grains;
using Buurtzorg.Host.Access;
using Buurtzorg.Host.Tests.Access;
using Buurtzorg.Host.Tests.Infrastructure;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace Buurtzorg.Host.Tests.Interop;

/// <summary>The FHIR R4 export of a client's care plan: valid against the specification, true to the plan, the client's and their team's only, and logged.</summary>
[Collection(InteropCollection.Name)]
public sealed class FhirExportTests(InteropWorld interop)
{
    private const string Omaha = "http://www.omahasystem.org";

    private AccessWorld World => interop.World;

    private string Path(Guid client) => $"/api/clients/{client}/fhir";

    [Fact]
    public async System.Threading.Tasks.Task The_export_is_a_valid_R4_bundle_whose_references_all_resolve_inside_it()
    {
        var (json, bundle) = await Export(Who.NurseOfTheTeam);

        var outcome = interop.Validator.Validate(bundle);

        var errors = outcome.Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Location.FirstOrDefault()}: {e.Details?.Text ?? e.Diagnostics}")));
        // The validator bites: an observation without its required status is an error.
        var broken = new FhirJsonDeserializer().Deserialize<Bundle>(json);
        broken.Entry.Select(e => e.Resource).OfType<Observation>().First().Status = null;
        Assert.Contains(interop.Validator.Validate(broken).Issue, i => i.Severity == OperationOutcome.IssueSeverity.Error);
        Assert.Equal(Bundle.BundleType.Collection, bundle.Type);
        var fullUrls = bundle.Entry.Select(e => e.FullUrl).ToHashSet();
        Assert.Equal(bundle.Entry.Count, fullUrls.Count);
        var references = bundle.Entry.SelectMany(e => Descendants(e.Resource!)).OfType<ResourceReference>().Where(r => r.Reference is not null).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.Contains(r.Reference, fullUrls));
        // The SDK's own names, not the API's camel-cased records.
        Assert.Contains("\"resourceType\":\"Bundle\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task The_bundle_holds_the_client_a_condition_per_omaha_problem_every_rating_and_the_upcoming_visits()
    {
        var (_, bundle) = await Export(Who.NurseOfTheTeam);
        var plan = await interop.Plan();
        var visits = (await interop.ClientVisits()).GetProperty("visits").EnumerateArray().ToList();

        var patient = Assert.Single(Resources<Patient>(bundle));
        Assert.Equal("Johanna de Groot", patient.Name.Single().Text!);
        Assert.Equal("1938-04-17", patient.BirthDate);
        Assert.Equal(["Kees de Groot", "Sanne de Groot"], patient.Contact.Select(c => c.Name!.Text!).Order());

        var conditions = Resources<Condition>(bundle).ToList();
        Assert.Equal(
            plan.Problems.Select(p => (Omaha, p.Code.ToString("D2", System.Globalization.CultureInfo.InvariantCulture))).Order(),
            conditions.Select(c => (c.Code!.Coding.Single().System!, c.Code.Coding.Single().Code!)).Order());
        Assert.Contains(conditions, c => c.Code!.Coding[0].Display == "Skin");
        Assert.Contains(conditions, c => c.Code!.Coding[0].Display == "Medication regimen");

        var carePlan = Assert.Single(Resources<CarePlan>(bundle));
        Assert.Equal(plan.Problems.Sum(p => p.Interventions.Count), carePlan.Activity.Count);
        Assert.Equal(plan.Problems.Count, Resources<Goal>(bundle).Count());

        // Every rating of the plan, not only the latest: three observations (K, B, S) per rating, on its date.
        var expected = plan.Problems.SelectMany(p => p.Ratings.SelectMany(r => new[]
        {
            (p.Code, r.RatedOn, "Knowledge", r.Knowledge), (p.Code, r.RatedOn, "Behavior", r.Behavior), (p.Code, r.RatedOn, "Status", r.Status),
        })).Order().ToList();
        Assert.Equal(9, expected.Count);
        var byCondition = conditions.ToDictionary(c => $"urn:uuid:{c.Id}", c => int.Parse(c.Code!.Coding[0].Code!, System.Globalization.CultureInfo.InvariantCulture));
        var observed = Resources<Observation>(bundle).Select(o => (
            byCondition[o.Focus.Single().Reference!],
            DateOnly.Parse(((FhirDateTime)o.Effective!).Value!, System.Globalization.CultureInfo.InvariantCulture),
            o.Code!.Text!.Split(':')[1].Trim().Split(' ')[0],
            ((Integer)o.Value!).Value!.Value)).Order().ToList();
        Assert.Equal(expected, observed);

        var appointments = Resources<Appointment>(bundle).ToList();
        Assert.Equal(visits.Count, appointments.Count);
        Assert.True(visits.Count >= 2, "the plan asks for more than one visit ahead");
        Assert.Equal(
            visits.Select(v => DutchCalendar.At(DateOnly.Parse(v.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(v.GetProperty("windowStart").GetString()!, System.Globalization.CultureInfo.InvariantCulture))).Order(),
            appointments.Select(a => a.Start!.Value).Order());
        var taken = Assert.Single(appointments, a => a.Id == World.VisitA.Id.ToString("D"));
        Assert.Equal(Appointment.AppointmentStatus.Booked, taken.Status);
        Assert.Contains(taken.Participant, p => p.Actor?.Display == "Anne de Wit");
        Assert.Contains(taken.Participant, p => p.Actor?.Reference == $"urn:uuid:{patient.Id}");
        Assert.Contains(appointments, a => a.Status == Appointment.AppointmentStatus.Pending);
    }

    [Fact]
    public async System.Threading.Tasks.Task The_client_exports_their_own_plan_and_the_read_is_in_their_access_log()
    {
        var (_, bundle) = await Export(Who.TheClient);
        await Export(Who.NurseOfTheTeam);

        Assert.Equal(World.ClientA.ToString("D"), Assert.Single(Resources<Patient>(bundle)).Id);
        var log = await World.Http(Who.TheClient).GetFromJsonAsync<JsonElement>($"/api/clients/{World.ClientA}/access-log");
        var reads = log.EnumerateArray().Where(l => l.GetProperty("via").GetString() == "GET /api/clients/{clientId:guid}/fhir").ToList();
        Assert.Contains(reads, l => l.GetProperty("name").GetString() == "a1" && l.GetProperty("allowed").GetBoolean() && l.GetProperty("action").GetString() == "read");
        Assert.Contains(reads, l => l.GetProperty("name").GetString() == "johanna" && l.GetProperty("allowed").GetBoolean());
    }

    [Theory]
    [InlineData(Who.FamilyWithCarePlan)]
    [InlineData(Who.FamilyWithAgenda)]
    [InlineData(Who.Central)]
    [InlineData(Who.NurseOfAnotherTeam)]
    [InlineData(Who.AnotherClient)]
    public async System.Threading.Tasks.Task Family_central_staff_other_teams_and_other_clients_are_refused_and_the_attempt_is_logged(Who who)
    {
        var log = World.Host.App.Services.GetRequiredService<AccessLog>();
        var before = (await log.All()).Count;

        var response = await World.Http(who).GetAsync(Path(World.ClientA));

        await ProblemAssert.Problem(response, HttpStatusCode.NotFound, "nothing here");
        var line = Assert.Single((await log.All()).Skip(before), l => l.Via.EndsWith("/fhir", StringComparison.Ordinal));
        Assert.Equal(World.ClientA, line.ClientId);
        Assert.False(line.Allowed);
    }

    [Fact]
    public async System.Threading.Tasks.Task An_unknown_client_is_not_found_and_anonymous_callers_must_sign_in()
    {
        await ProblemAssert.Problem(await World.Http(Who.NurseOfTheTeam).GetAsync(Path(Guid.NewGuid())), HttpStatusCode.NotFound, "nothing here");
        await ProblemAssert.Problem(await World.Http(Who.Anonymous).GetAsync(Path(World.ClientA)), HttpStatusCode.Unauthorized, "sign in");
    }

    private async Task<(string Json, Bundle Bundle)> Export(Who who)
    {
        var response = await World.Http(who).GetAsync(Path(World.ClientA));
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, json);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        return (json, new FhirJsonDeserializer().Deserialize<Bundle>(json));
    }

    private static IEnumerable<Base> Descendants(Base node) => node.EnumerateElements().SelectMany(e => e.Value switch
    {
        Base child => Descendants(child).Prepend(child),
        IEnumerable<Base> list => list.SelectMany(c => Descendants(c).Prepend(c)),
        _ => [],
    });

    private static IEnumerable<T> Resources<T>(Bundle bundle)
        where T : Resource => bundle.Entry.Select(e => e.Resource).OfType<T>();
}
