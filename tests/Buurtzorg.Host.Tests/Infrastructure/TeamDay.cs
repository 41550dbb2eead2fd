using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Grains;
using Buurtzorg.Host.Nurses;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Buurtzorg.Host.Tests.Infrastructure;

/// <summary>
/// A team with nurses and clients whose care plans put visits on its schedule, built over the
/// real HTTP API: the setting of every test of nurses planning their own rounds.
/// </summary>
public static class TeamDay
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static DateOnly Today => DutchCalendar.Today(TimeProvider.System);

    /// <summary>
    /// Registers a nurse available every day from 07:00 to 22:00 over HTTP and places her in the
    /// team as an office does (joining by request and acceptance is tested on its own).
    /// </summary>
    public static async Task<NurseRecord> AddWorkingNurse(this TestHost host, Guid teamId, string name, Qualification[]? qualifications = null, string from = "07:00", string to = "22:00", decimal contractHours = 28)
    {
        var registered = await host.Http.PostAsJsonAsync("/api/nurses", new
        {
            name,
            qualifications = qualifications ?? [Qualification.BasicCare, Qualification.InjectionsAndMedication],
            contractHoursPerWeek = contractHours,
            home = new { latitude = 52.09, longitude = 5.12 },
            weeklyAvailability = Enum.GetValues<DayOfWeek>().Select(day => new { day, from, to }),
        }, Json);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var nurse = (await registered.Content.ReadFromJsonAsync<NurseRecord>(Json))!;
        return await host.App.Services.GetRequiredService<IMediator>().Send(new MoveNurse(nurse.Id, teamId));
    }

    public static Task<ClientRecord> AddClient(this TestHost host, Guid teamId, string name, string street = "Oudegracht", string houseNumber = "231") =>
        host.Http.AddClient(teamId, name, street, houseNumber);

    public static async Task<ClientRecord> AddClient(this HttpClient http, Guid teamId, string name, string street = "Oudegracht", string houseNumber = "231")
    {
        var response = await http.PostAsJsonAsync($"/api/teams/{teamId}/clients", new
        {
            name,
            dateOfBirth = "1938-04-17",
            address = new { street, houseNumber, postcode = "3511 NK", city = "Utrecht", latitude = 52.0894, longitude = 5.1196 },
            phone = "0302314567",
            teamId,
            indicationHoursPerWeek = 4.5,
            startDate = Today.AddDays(-30),
        }, Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ClientRecord>(Json))!;
    }

    /// <summary>
    /// Writes one Omaha problem (Medication regimen) with one daily team intervention, which puts
    /// one visit a day on the schedule; returns the client's visits of today.
    /// </summary>
    public static Task<Visit> AddDailyVisit(
        this TestHost host, Guid teamId, Guid clientId, string windowStart = "08:00", string windowEnd = "10:00", int minutes = 30,
        Qualification? qualification = Qualification.InjectionsAndMedication, bool twoNurses = false, string description = "Insuline spuiten") =>
        host.Http.AddDailyVisit(teamId, clientId, windowStart, windowEnd, minutes, qualification, twoNurses, description);

    public static async Task<Visit> AddDailyVisit(
        this HttpClient http, Guid teamId, Guid clientId, string windowStart = "08:00", string windowEnd = "10:00", int minutes = 30,
        Qualification? qualification = Qualification.InjectionsAndMedication, bool twoNurses = false, string description = "Insuline spuiten")
    {
        var plan = await http.GetFromJsonAsync<JsonElement>($"/api/clients/{clientId}/care-plan", Json);
        var response = await http.PutAsJsonAsync($"/api/clients/{clientId}/care-plan/problems/42", new
        {
            expectedVersion = plan.GetProperty("version").GetInt32(),
            changedBy = Guid.NewGuid(),
            scope = "Individual",
            type = "Actual",
            signsAndSymptoms = new[] { "fouten in dosering" },
            interventions = new[]
            {
                new
                {
                    id = Guid.NewGuid(), category = "TreatmentsAndProcedures", targetCode = 39, description,
                    timesPerPeriod = 1, period = "Day", windowStart, windowEnd, durationMinutes = minutes,
                    requiredQualification = qualification, twoNurses, performedBy = "Team",
                },
            },
        }, Json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var today = await http.GetFromJsonAsync<ScheduleView>($"/api/teams/{teamId}/visits?from={Today:yyyy-MM-dd}&to={Today:yyyy-MM-dd}", Json);
        return today!.Visits.Where(v => v.ClientId == clientId).OrderBy(v => v.Version).Last();
    }
}
