using System.Net;
using System.Text.Json;
using Buurtzorg.Host.Tests.Access;
using Microsoft.AspNetCore.SignalR.Client;

namespace Buurtzorg.Host.Tests.Security;

/// <summary>
/// The agenda tier tells a relative who comes when, not what for: what a visit is for
/// ("Insuline spuiten") comes from the care plan, and only those who may read the care plan see
/// it, over HTTP and on the hub alike. The world's visit is for "Insuline spuiten".
/// </summary>
public sealed class HealthInformationAtTheAgendaTierTests(AccessWorld world) : IClassFixture<AccessWorld>
{
    [Fact]
    public async Task A_relative_at_the_agenda_tier_reading_visits_over_http_is_not_told_what_they_are_for()
    {
        var visit = await VisitOverHttp(Who.FamilyWithAgenda);

        Assert.Equal(world.VisitA.Id, visit.GetProperty("visitId").GetGuid());
        Assert.Null(WhatFor(visit));
        Assert.True(visit.TryGetProperty("windowStart", out _), "The agenda still says when.");
    }

    [Fact]
    public async Task A_relative_at_the_agenda_tier_watching_the_client_on_the_hub_is_not_told_what_visits_are_for()
    {
        var visit = await VisitOverHub(Who.FamilyWithAgenda);

        Assert.Equal(world.VisitA.Id, visit.GetProperty("visitId").GetGuid());
        Assert.Null(WhatFor(visit));
    }

    [Theory]
    [InlineData(Who.TheClient)]
    [InlineData(Who.FamilyWithCarePlan)]
    [InlineData(Who.NurseOfTheTeam)]
    public async Task Those_who_may_read_the_care_plan_are_told_what_a_visit_is_for_over_http_and_the_hub(Who who)
    {
        Assert.Equal("Insuline spuiten", WhatFor(await VisitOverHttp(who)));
        Assert.Equal("Insuline spuiten", WhatFor(await VisitOverHub(who)));
    }

    private async Task<JsonElement> VisitOverHttp(Who who)
    {
        var response = await world.Http(who).GetAsync($"/api/clients/{world.ClientA}/visits");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var visits = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("visits");
        return visits.EnumerateArray().Single(v => v.GetProperty("visitId").GetGuid() == world.VisitA.Id).Clone();
    }

    private async Task<JsonElement> VisitOverHub(Who who)
    {
        await using var connection = await world.Sessions[who].ConnectToHub();
        var watched = await connection.InvokeAsync<JsonElement>("WatchClient", world.ClientA);
        return watched.GetProperty("visits").EnumerateArray().Single(v => v.GetProperty("visitId").GetGuid() == world.VisitA.Id).Clone();
    }

    /// <summary>Absent and null both say nothing.</summary>
    private static string? WhatFor(JsonElement visit) =>
        visit.TryGetProperty("whatFor", out var whatFor) && whatFor.ValueKind == JsonValueKind.String ? whatFor.GetString() : null;
}
