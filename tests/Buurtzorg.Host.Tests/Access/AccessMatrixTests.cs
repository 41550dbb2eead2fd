using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Buurtzorg.Host.Access;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Buurtzorg.Host.Schedule;
using Microsoft.Extensions.DependencyInjection;
using static Buurtzorg.Host.Tests.Access.Who;

namespace Buurtzorg.Host.Tests.Access;

/// <summary>
/// The authorization matrix: one row per endpoint and hub method the host maps, stating who may
/// call it on team A's resources. Every cell is tried over real HTTP and SignalR connections with
/// real sign-ins. Writes send bodies the endpoint refuses as invalid, so an allowed caller gets a
/// 4xx from the handler and nothing changes, while a refused one is stopped before it. Each cell
/// that touches a client's data must leave exactly one line in the access log.
/// </summary>
public sealed class AccessMatrixTests(AccessWorld world) : IClassFixture<AccessWorld>
{
    private static readonly Who[] Everyone = Enum.GetValues<Who>();
    private static readonly Who[] SignedIn = [.. Everyone.Where(w => w != Anonymous)];
    private static readonly Who[] Nobody = [];
    private static readonly Who[] TheTeam = [NurseOfTheTeam];
    private static readonly Who[] Nurses = [NurseOfTheTeam, NurseOfAnotherTeam];
    private static readonly Who[] NursesAndCentral = [NurseOfTheTeam, NurseOfAnotherTeam, Central];
    private static readonly Who[] ClientRecord = [NurseOfTheTeam, TheClient];
    private static readonly Who[] Agenda = [NurseOfTheTeam, TheClient, FamilyWithAgenda, FamilyWithCarePlan];
    private static readonly Who[] CarePlan = [NurseOfTheTeam, TheClient, FamilyWithCarePlan];

    // TouchesClient: the call names client A, so one log line, allowed or refused. Reveals: a team
    // call whose answer holds client A's data, so one log line when allowed and none when refused.
    private sealed record Row(string Endpoint, string Method, string Path, string? Body, Who[] Allowed, bool TouchesClient = false, bool Reveals = false);

    private IReadOnlyList<Row> Rows()
    {
        var (a, c, today) = (world.TeamA, world.ClientA, TeamDay.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var (visit, nurse, round, random) = (world.VisitA.Id, world.NurseA2, world.NurseA1, Guid.NewGuid());
        return
        [
            new("SignIn", "POST", "/api/account/sign-in", "{}", Everyone),
            new("SignInWithCode", "POST", "/api/account/sign-in/code", "{}", Everyone),
            // Setting up or replacing an authenticator needs a session (or a set-up token from a password sign-in).
            new("SetUpAuthenticator", "POST", "/api/account/authenticator", "{}", SignedIn),
            new("ConfirmAuthenticator", "POST", "/api/account/authenticator/confirm", "{}", Everyone),
            new("Me", "GET", "/api/account/me", null, SignedIn),
            new("GetClientAccessLog", "GET", $"/api/clients/{c}/access-log", null, [TheClient], true),
            new("GetClientAccessLogDays", "GET", $"/api/clients/{c}/access-log/days", null, [TheClient], true),
            new("ListTeams", "GET", "/api/teams", null, NursesAndCentral),
            new("CreateTeam", "POST", "/api/teams", "{}", Nurses),
            new("GetTeam", "GET", $"/api/teams/{a}", null, TheTeam),
            new("AddNurse", "POST", $"/api/teams/{a}/nurses", "{}", TheTeam),
            new("RemoveNurse", "DELETE", $"/api/teams/{a}/nurses/{random}", null, TheTeam),
            // Any nurse may ask any team (a message too long to store keeps it a refusal by the handler);
            // only the team's own nurses answer; only the asking nurse withdraws.
            new("AskToJoinTeam", "POST", $"/api/teams/{a}/join-requests", $$"""{"message":"{{new string('x', 501)}}"}""", Nurses),
            new("AcceptJoinRequest", "POST", $"/api/teams/{a}/join-requests/{random}/accept", null, TheTeam),
            new("DeclineJoinRequest", "POST", $"/api/teams/{a}/join-requests/{random}/decline", null, TheTeam),
            new("WithdrawJoinRequest", "DELETE", $"/api/teams/{a}/join-requests/{nurse}", null, Nobody),
            // Open places: the team posts and closes its own; any nurse finds places near her home;
            // central staff (and nurses) read the counts per region. Posting without hours is refused by the handler.
            new("ListTeamOpenPlaces", "GET", $"/api/teams/{a}/open-places", null, TheTeam),
            new("PostOpenPlace", "POST", $"/api/teams/{a}/open-places", "{}", TheTeam),
            new("CloseOpenPlace", "DELETE", $"/api/teams/{a}/open-places/{random}", null, TheTeam),
            new("FindOpenPlacesNearMe", "GET", "/api/open-places/near-me", null, Nurses),
            new("GetPlacesPerRegion", "GET", "/api/capacity/places", null, NursesAndCentral),
            new("ListTeamClients", "GET", $"/api/teams/{a}/clients", null, TheTeam, Reveals: true),
            new("RegisterClient", "POST", $"/api/teams/{a}/clients", "{}", TheTeam),
            new("GetClient", "GET", $"/api/clients/{c}", null, ClientRecord, true),
            new("ChangeClientStatus", "PUT", $"/api/clients/{c}/status", "{}", TheTeam, true),
            new("AddNetworkMember", "POST", $"/api/clients/{c}/network", "{}", ClientRecord, true),
            new("UpdateNetworkMember", "PUT", $"/api/clients/{c}/network/{world.RelativeWithAgenda}", "{}", ClientRecord, true),
            new("RemoveNetworkMember", "DELETE", $"/api/clients/{c}/network/{random}", null, ClientRecord, true),
            new("SetNetworkAccess", "PUT", $"/api/clients/{c}/network/{world.RelativeWithAgenda}/access", "{}", ClientRecord, true),
            new("GetOmahaProblems", "GET", "/api/omaha/problems", null, SignedIn),
            new("GetCarePlan", "GET", $"/api/clients/{c}/care-plan", null, CarePlan, true),
            new("GetCarePlanHistory", "GET", $"/api/clients/{c}/care-plan/history", null, CarePlan, true),
            new("GetCarePlanVersion", "GET", $"/api/clients/{c}/care-plan/versions/1", null, CarePlan, true),
            new("WriteCarePlanProblem", "PUT", $"/api/clients/{c}/care-plan/problems/42", "{}", TheTeam, true),
            new("RemoveCarePlanProblem", "DELETE", $"/api/clients/{c}/care-plan/problems/42", null, TheTeam, true),
            new("RateCarePlanOutcome", "POST", $"/api/clients/{c}/care-plan/problems/42/ratings", "{}", TheTeam, true),
            // The client's circle proposes what it does itself (the client, family at the care-plan
            // tier); the team answers, which is writing the plan.
            new("GetCircleTasks", "GET", $"/api/clients/{c}/care-plan/circle-tasks", null, CarePlan, true),
            new("ProposeCircleTask", "POST", $"/api/clients/{c}/care-plan/circle-tasks", "{}", [TheClient, FamilyWithCarePlan], true),
            new("AgreeCircleTask", "POST", $"/api/clients/{c}/care-plan/circle-tasks/{random}/agree", "{}", TheTeam, true),
            new("DeclineCircleTask", "POST", $"/api/clients/{c}/care-plan/circle-tasks/{random}/decline", "{}", TheTeam, true),
            new("WithdrawCircleTask", "POST", $"/api/clients/{c}/care-plan/circle-tasks/{random}/withdraw", "{}", [TheClient, FamilyWithCarePlan], true),
            new("GetClientVisits", "GET", $"/api/clients/{c}/visits", null, Agenda, true),
            // Visit notes are health information: read at the care-plan tier, written by the team's nurses only.
            new("GetVisitNotes", "GET", $"/api/clients/{c}/notes", null, CarePlan, true),
            new("GetNoteVisits", "GET", $"/api/clients/{c}/notes/visits", null, CarePlan, true),
            new("WriteVisitNote", "POST", $"/api/clients/{c}/notes", "{}", TheTeam, true),
            new("CorrectVisitNote", "PUT", $"/api/clients/{c}/notes/{random}", "{}", TheTeam, true),
            // The FHIR export and the AVG download hold the client's record: the client and their team.
            new("GetClientFhirBundle", "GET", $"/api/clients/{c}/fhir", null, ClientRecord, true),
            new("DownloadClientPersonalData", "GET", $"/api/clients/{c}/personal-data", null, ClientRecord, true),
            new("RegisterNurse", "POST", "/api/nurses", "{}", Nurses),
            new("GetNurse", "GET", $"/api/nurses/{nurse}", null, TheTeam),
            new("SetNurseAvailability", "PUT", $"/api/nurses/{nurse}/availability", "{}", TheTeam),
            new("AddNurseAbsence", "POST", $"/api/nurses/{nurse}/absences", "{}", TheTeam),
            new("RemoveNurseAbsence", "DELETE", $"/api/nurses/{nurse}/absences/{random}", null, TheTeam),
            // Leaving is her own decision: not even a team-mate can make a colleague leave.
            new("LeaveTeam", "DELETE", $"/api/nurses/{nurse}/team", null, Nobody),
            new("GetTeamVisits", "GET", $"/api/teams/{a}/visits", null, TheTeam, Reveals: true),
            new("GetCapacityOverview", "GET", "/api/capacity", null, NursesAndCentral),
            new("GetCapacityTrends", "GET", "/api/capacity/trends?region=Utrecht", null, NursesAndCentral),
            new("ExportCapacity", "GET", "/api/capacity/export.csv", null, NursesAndCentral),
            // A team's view of itself: its own nurses; central staff have the aggregates only.
            new("GetTeamMonitor", "GET", $"/api/teams/{a}/monitor", null, TheTeam),
            new("GetScheduleChanges", "GET", $"/api/teams/{a}/schedule/changes?since=0", null, TheTeam, Reveals: true),
            new("GetTeamBoard", "GET", $"/api/teams/{a}/board/{today}", null, TheTeam, Reveals: true),
            new("ClaimVisit", "POST", $"/api/teams/{a}/visits/{visit}/claim", $$"""{"nurseId":"{{random}}"}""", TheTeam),
            new("ReleaseVisit", "POST", $"/api/teams/{a}/visits/{visit}/release", $$"""{"nurseId":"{{random}}"}""", TheTeam),
            new("HandOverVisit", "POST", $"/api/teams/{a}/visits/{visit}/handover", "{}", TheTeam),
            new("ConfirmVisit", "POST", $"/api/teams/{a}/visits/{visit}/confirm", $$"""{"nurseId":"{{random}}"}""", TheTeam),
            // Recording a visit on a team-mate's behalf is the team's, and only as an explicit act.
            new("ConfirmVisit on behalf", "POST", $"/api/teams/{a}/visits/{visit}/confirm", $$"""{"nurseId":"{{random}}","onBehalfOf":"{{nurse}}"}""", TheTeam),
            new("ReportDeviation on behalf", "POST", $"/api/teams/{a}/visits/{visit}/deviation", $$"""{"onBehalfOf":"{{nurse}}"}""", TheTeam),
            new("ReportDeviation", "POST", $"/api/teams/{a}/visits/{visit}/deviation", "{}", TheTeam),
            new("GetRound", "GET", $"/api/teams/{a}/rounds/{round}/{today}", null, TheTeam),
            new("PlanRound", "PUT", $"/api/teams/{a}/rounds/{round}/{today}", "{}", TheTeam),
            new("ProposeRounds", "GET", $"/api/teams/{a}/proposals/{today}?seconds=1", null, TheTeam),
            new("AcceptProposal", "POST", $"/api/teams/{a}/proposals/{today}/accept", "{}", TheTeam),
            // The API's description: for signed-in accounts outside Development (see ApiDocsSetup).
            new("GetOpenApiDocument", "GET", "/openapi/v1.json", null, SignedIn),
            // Calendar feeds: a nurse's round is hers alone to subscribe to; a client's visits are
            // the client's and their family's at the agenda tier (a team nurse passes the gate and
            // is refused by the handler, she has her round). The feed itself answers a link, not
            // a session: a made-up one opens nothing for anyone.
            new("GetRoundCalendarLink", "GET", $"/api/nurses/{round}/calendar", null, TheTeam),
            new("MakeRoundCalendarLink", "POST", $"/api/nurses/{round}/calendar", "{}", TheTeam),
            new("RevokeRoundCalendarLink", "DELETE", $"/api/nurses/{round}/calendar", null, TheTeam),
            new("GetClientCalendarLink", "GET", $"/api/clients/{c}/calendar", null, Agenda, true),
            new("MakeClientCalendarLink", "POST", $"/api/clients/{c}/calendar", "{}", Agenda, true),
            new("RevokeClientCalendarLink", "DELETE", $"/api/clients/{c}/calendar", null, Agenda, true),
            new("GetCalendarFeed", "GET", $"/api/calendar/{new string('A', 43)}.ics", null, Nobody),
            // The network of nurses: any nurse, whatever her team; never a client, relative or central
            // staff, who see its activity in figures only.
            new("FindColleagues", "GET", "/api/know-how?topic=wondzorg", null, Nurses),
            new("ListKnowHowTopics", "GET", "/api/know-how/topics", null, Nurses),
            new("GetOwnKnowHow", "GET", "/api/know-how/me", null, Nurses),
            new("SetOwnKnowHow", "PUT", "/api/know-how/me", """{"topics":["!"]}""", Nurses),
            new("SearchQuestions", "GET", "/api/questions?topic=wondzorg", null, Nurses),
            new("AskQuestion", "POST", "/api/questions", "{}", Nurses),
            new("GetQuestion", "GET", $"/api/questions/{random}", null, Nurses),
            new("AnswerQuestion", "POST", $"/api/questions/{random}/answers", "{}", Nurses),
            new("MarkMostUsefulAnswer", "PUT", $"/api/questions/{random}/most-useful", "{}", Nurses),
            new("GetNetworkActivity", "GET", "/api/capacity/network-activity", null, NursesAndCentral),
            // Health and metrics answer load balancers and scrapers, who have no session.
            new("/health/live", "GET", "/health/live", null, Everyone),
            new("/health/ready", "GET", "/health/ready", null, Everyone),
            new("/metrics", "GET", "/metrics", null, Everyone),
            .. DashboardRows(),
            new("/hubs/schedule/negotiate", "POST", "/hubs/schedule/negotiate?negotiateVersion=1", null, SignedIn),
            new("/hubs/schedule", "GET", "/hubs/schedule", null, SignedIn),
            // Without the password the handler refuses: nothing is deleted, whoever asks.
            new("DeleteOwnAccount", "DELETE", "/api/account", "{}", SignedIn),
            // Last: it ends the caller's session.
            new("SignOut", "POST", "/api/account/sign-out", "{}", SignedIn),
        ];
    }

    /// <summary>
    /// The Orleans dashboard's own endpoints, each for operators only; its grain-state page for
    /// nobody (it shows any grain's stored state, clients' records included).
    /// </summary>
    private IEnumerable<Row> DashboardRows()
    {
        var silo = world.Host.App.Services.GetRequiredService<Orleans.Runtime.ILocalSiloDetails>().SiloAddress.ToParsableString();
        return world.Host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith(Buurtzorg.Host.Operations.OperationsSetup.DashboardPath + "/", StringComparison.Ordinal))
            .Select(e =>
            {
                var route = e.RoutePattern.RawText!;
                var path = route.Replace("{**path}", "x.css", StringComparison.Ordinal).Replace("{page:int}", "1", StringComparison.Ordinal)
                    .Replace("{*grainName}", "Buurtzorg.Grains.Teams.TeamGrain", StringComparison.Ordinal);
                path = Regex.Replace(path, @"\{\*\w+\}", Uri.EscapeDataString(silo));
                var method = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "GET";
                return new Row(route, method, path, method == "GET" ? null : "{}", route.EndsWith("/GrainState", StringComparison.Ordinal) ? Nobody : [Operator]);
            })
            .ToList();
    }

    private sealed record HubRow(string Method, object[] Arguments, Who[] Allowed, bool TouchesClient = false);

    private IReadOnlyList<HubRow> HubRows() =>
    [
        new("WatchTeam", [world.TeamA], TheTeam),
        new("UnwatchTeam", [world.TeamA], SignedIn),
        new("WatchNurse", [world.NurseA2], TheTeam),
        new("UnwatchNurse", [world.NurseA2], SignedIn),
        new("WatchClient", [world.ClientA], Agenda, true),
        new("UnwatchClient", [world.ClientA], SignedIn),
        new("WatchCapacity", [], NursesAndCentral),
        new("UnwatchCapacity", [], SignedIn),
        new("WatchQuestions", [], Nurses),
        new("UnwatchQuestions", [], SignedIn),
    ];

    [Fact]
    public async Task Every_endpoint_and_hub_method_has_a_row_and_every_cell_holds_with_one_log_line_per_touch_of_a_client()
    {
        var mapped = world.Host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? e.RoutePattern.RawText!)
            .ToHashSet();
        var rows = Rows();
        Assert.Empty(mapped.Except(rows.Select(r => r.Endpoint)));
        var hubMethods = typeof(ScheduleHub).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name != nameof(Hub.OnDisconnectedAsync)).Select(m => m.Name).ToHashSet();
        var hubRows = HubRows();
        Assert.Empty(hubMethods.Except(hubRows.Select(r => r.Method)));

        var log = world.Host.App.Services.GetRequiredService<AccessLog>();
        var wrong = new List<string>();
        foreach (var who in Everyone)
        {
            var account = who == Anonymous ? (Guid?)null : (await Me(who));
            foreach (var row in rows)
            {
                var before = (await log.All()).Count;
                var response = await Send(world.Http(who), row);
                var body = await response.Content.ReadAsStringAsync();
                var refused = response.StatusCode == HttpStatusCode.Unauthorized
                    || (response.StatusCode == HttpStatusCode.NotFound && body.Contains(AccessGate.NotFoundDetail, StringComparison.Ordinal));
                if ((int)response.StatusCode >= 500)
                {
                    wrong.Add($"{row.Endpoint} as {who}: {(int)response.StatusCode}");
                }

                if (refused == row.Allowed.Contains(who))
                {
                    wrong.Add($"{row.Endpoint} as {who}: {(refused ? "refused" : "allowed")} ({(int)response.StatusCode})");
                }

                var lines = (await log.All()).Skip(before).ToList();
                CheckLog(wrong, $"{row.Endpoint} as {who}", lines, row.TouchesClient || (row.Reveals && !refused), account, who, !refused, row.Method + " ");
            }
        }

        foreach (var who in SignedIn)
        {
            // The HTTP row above signed this caller out: the hub is tried with a fresh sign-in.
            var session = await world.Host.SignIn(UserName(who));
            var account = Guid.Parse((await JsonDocument.ParseAsync(await session.Http.GetStreamAsync("/api/account/me"))).RootElement.GetProperty("accountId").GetString()!);
            await using var connection = await session.ConnectToHub();
            foreach (var row in hubRows)
            {
                var before = (await log.All()).Count;
                var refused = false;
                try
                {
                    await connection.InvokeCoreAsync(row.Method, typeof(object), row.Arguments);
                }
                catch (HubException)
                {
                    refused = true;
                }

                if (refused == row.Allowed.Contains(who))
                {
                    wrong.Add($"hub {row.Method} as {who}: {(refused ? "refused" : "allowed")}");
                }

                CheckLog(wrong, $"hub {row.Method} as {who}", [.. (await log.All()).Skip(before)], row.TouchesClient, account, who, !refused, "hub ");
            }
        }

        // Without a session there is no hub connection at all.
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => world.Host.ConnectToHub());
        Assert.Empty(wrong);
    }

    private void CheckLog(List<string> wrong, string cell, List<AccessLogEntry> lines, bool touchesClient, Guid? account, Who who, bool allowed, string via)
    {
        if (!touchesClient)
        {
            if (lines.Count != 0)
            {
                wrong.Add($"{cell}: {lines.Count} log lines for no client data");
            }

            return;
        }

        if (lines.Count != 1)
        {
            wrong.Add($"{cell}: {lines.Count} log lines, expected one");
            return;
        }

        var line = lines[0];
        var role = who == Anonymous ? "Anonymous" : RoleOf(who);
        if (line.ClientId != world.ClientA || line.AccountId != account || line.Role != role || line.Allowed != allowed
            || !line.Via.StartsWith(via, StringComparison.Ordinal) || line.What.Length == 0 || line.Action is not ("read" or "change")
            || DateTimeOffset.UtcNow - line.At > TimeSpan.FromMinutes(1))
        {
            wrong.Add($"{cell}: log line {line}");
        }
    }

    private static string RoleOf(Who who) => who switch
    {
        NurseOfTheTeam or NurseOfAnotherTeam => "Nurse",
        TheClient or AnotherClient => "Client",
        FamilyWithAgenda or FamilyWithCarePlan or AnotherClientsFamily => "Family",
        Operator => "Operations",
        _ => "Central",
    };

    private static string UserName(Who who) => who switch
    {
        NurseOfTheTeam => "a1",
        NurseOfAnotherTeam => "b1",
        TheClient => "johanna",
        AnotherClient => "piet",
        FamilyWithAgenda => "kees",
        FamilyWithCarePlan => "sanne",
        AnotherClientsFamily => "ria",
        Operator => "beheer",
        _ => "centraal",
    };

    private async Task<Guid> Me(Who who)
    {
        using var me = await JsonDocument.ParseAsync(await world.Http(who).GetStreamAsync("/api/account/me"));
        return Guid.Parse(me.RootElement.GetProperty("accountId").GetString()!);
    }

    private static Task<HttpResponseMessage> Send(HttpClient http, Row row)
    {
        var request = new HttpRequestMessage(new HttpMethod(row.Method), row.Path);
        if (row.Body is not null)
        {
            request.Content = new StringContent(row.Body, Encoding.UTF8, "application/json");
        }

        return http.SendAsync(request);
    }
}
