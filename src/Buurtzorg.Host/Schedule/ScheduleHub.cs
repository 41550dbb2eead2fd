using System.Runtime.CompilerServices;
using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Host.Access;
using Buurtzorg.Host.Capacity;
using Buurtzorg.Host.Knowledge;
using Buurtzorg.Host.Nurses;
using Buurtzorg.Host.Problems;
using Buurtzorg.Host.Rounds;
using Buurtzorg.Host.Teams;
using Mediator;
using Microsoft.AspNetCore.SignalR;

namespace Buurtzorg.Host.Schedule;

/// <summary>
/// Browsers watch what they care about; each watch joins one SignalR group. SignalR does not
/// replay what was sent while a browser was away, so a watch answers with the current state and
/// its version: the browser starts from there and re-reads whenever it sees a gap in versions.
/// </summary>
public sealed partial class ScheduleHub(IMediator mediator, IAccessPolicy policy, AccessLog log, HubWatches watches, ILogger<ScheduleHub> logger) : Hub<IScheduleClient>
{
    public const string Path = "/hubs/schedule";

    /// <summary>A watch the cluster could not serve yet: worth asking again shortly.</summary>
    public const string WatchUnavailable = "This cannot be watched right now; try again in a moment.";

    /// <summary>
    /// A hub refusal carries only a message, so it starts with the refusal's code in brackets
    /// ("[not-found] …"): the page chooses its own words by that, as it does for a ProblemDetails.
    /// </summary>
    public static HubException Refusal(string code, string message) => new($"[{code}] {message}");

    /// <summary>A team's members and schedule (the nurses of that team).</summary>
    public Task<TeamSnapshot> WatchTeam(Guid teamId) => Watch(ScheduleGroups.Team(teamId), AccessRule.ReadTeam, teamId, new GetTeam(teamId));

    public Task UnwatchTeam(Guid teamId) => Unwatch(ScheduleGroups.Team(teamId));

    /// <summary>One nurse's round: every schedule change that touches a visit of hers.</summary>
    public Task<NurseRecord> WatchNurse(Guid nurseId) => Watch(ScheduleGroups.Nurse(nurseId), AccessRule.ReadNurse, nurseId, new GetNurse(nurseId));

    public Task UnwatchNurse(Guid nurseId) => Unwatch(ScheduleGroups.Nurse(nurseId));

    /// <summary>One client's upcoming visits (the client and their authorised family; what for only to those who may read the care plan).</summary>
    public async Task<ClientVisits> WatchClient(Guid clientId)
    {
        var withWhatFor = await Reachable(() => policy.MaySeeWhatFor(Caller.From(Context.User), clientId, Context.ConnectionAborted).AsTask());
        return await Watch(ScheduleGroups.Client(clientId), AccessRule.ReadClient(ClientPart.Agenda), clientId, new GetClientVisits(clientId, withWhatFor));
    }

    public Task UnwatchClient(Guid clientId) => Unwatch(ScheduleGroups.Client(clientId));

    /// <summary>The national capacity figures (central staff).</summary>
    public Task<CapacityOverview> WatchCapacity() => Watch(ScheduleGroups.Capacity, AccessRule.Capacity, null, new GetCapacityOverview());

    public Task UnwatchCapacity() => Unwatch(ScheduleGroups.Capacity);

    /// <summary>
    /// Questions to the network: those under the topics the nurse follows, and what happens to her
    /// own questions. Watching again (after she changed what she follows) moves her to those topics.
    /// </summary>
    public async Task<QuestionFeed> WatchQuestions()
    {
        var caller = Caller.From(Context.User) ?? throw Refusal(RefusalCodes.NotSignedIn, new SignInRequiredException().Message);
        var allowed = await Reachable(() => policy.Allows(caller, AccessRule.AnyNurse, null, Context.ConnectionAborted).AsTask());
        if (!allowed || caller.SubjectId is not { } nurse)
        {
            throw Refusal(RefusalCodes.NotFound, AccessGate.NotFoundDetail);
        }

        var profile = await Reachable(() => mediator.Send(new GetOwnKnowHow(nurse), Context.ConnectionAborted).AsTask());
        var groups = profile.Following.Select(ScheduleGroups.Topic).Append(ScheduleGroups.QuestionsOf(nurse)).ToHashSet();
        foreach (var left in watches.GroupsOf(Context.ConnectionId, ScheduleGroups.TopicPrefix).Where(g => !groups.Contains(g)))
        {
            await Unwatch(left);
        }

        foreach (var group in groups)
        {
            watches.Add(Context.ConnectionId, caller, group, AccessRule.AnyNurse, null);
            await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
        }

        return await Reachable(() => mediator.Send(new GetQuestionFeed(nurse), Context.ConnectionAborted).AsTask());
    }

    public async Task UnwatchQuestions()
    {
        foreach (var group in watches.GroupsOf(Context.ConnectionId, ScheduleGroups.TopicPrefix))
        {
            await Unwatch(group);
        }

        if (Caller.From(Context.User)?.SubjectId is { } nurse)
        {
            await Unwatch(ScheduleGroups.QuestionsOf(nurse));
        }
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        watches.Drop(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>
    /// The one place every watch passes: the caller's rights are checked by the same policy as
    /// the HTTP API (and a look at a client's visits logged), then the group is joined before the
    /// state is read, so no change falls between the read and the join. A refusal reads like
    /// "not found" for every id. Watches are remembered so rights can be checked again later.
    /// </summary>
    private async Task<T> Watch<T>(string group, AccessRule rule, Guid? resource, IQuery<T> read, [CallerMemberName] string method = "")
    {
        var caller = Caller.From(Context.User) ?? throw Refusal(RefusalCodes.NotSignedIn, new SignInRequiredException().Message);
        var allowed = await Reachable(async () =>
        {
            var allowed = await policy.Allows(caller, rule, resource, Context.ConnectionAborted);
            if (rule.Scope == Scope.Client)
            {
                await log.Write(caller, resource, rule, $"hub {method}", allowed, Context.ConnectionAborted);
            }

            return allowed;
        }, method);

        if (!allowed)
        {
            throw Refusal(RefusalCodes.NotFound, AccessGate.NotFoundDetail);
        }

        watches.Add(Context.ConnectionId, caller, group, rule, resource);
        await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
        try
        {
            return await mediator.Send(read, Context.ConnectionAborted);
        }
        catch (ProblemException problem)
        {
            await Unwatch(group);
            throw Refusal(problem.Code, problem.Message);
        }
        catch (Exception unavailable) when (unavailable is not OperationCanceledException and not HubException)
        {
            // The cluster could not answer yet (a silo that died is still being declared dead):
            // say so in words the page can act on, rather than SignalR's "unexpected error".
            LogWatchUnavailable(logger, method, unavailable);
            await Unwatch(group);
            throw Refusal(RefusalCodes.WatchUnavailable, WatchUnavailable);
        }
    }

    /// <summary>
    /// Rights are read from grains (a team's members) and a look at a client is logged in the
    /// database: either may be briefly out of reach, which is no refusal but a watch to ask again.
    /// </summary>
    private async Task<T> Reachable<T>(Func<Task<T>> read, [CallerMemberName] string method = "")
    {
        try
        {
            return await read();
        }
        catch (Exception unavailable) when (unavailable is not OperationCanceledException and not HubException)
        {
            LogWatchUnavailable(logger, method, unavailable);
            throw Refusal(RefusalCodes.WatchUnavailable, WatchUnavailable);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Method} watch could not be served yet")]
    private static partial void LogWatchUnavailable(ILogger logger, string method, Exception exception);

    private Task Unwatch(string group)
    {
        watches.Remove(Context.ConnectionId, group);
        return Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
    }
}

public static class ScheduleGroups
{
    public const string Capacity = "capacity";

    public static string Team(Guid teamId) => $"team:{teamId:N}";

    public static string Nurse(Guid nurseId) => $"nurse:{nurseId:N}";

    public static string Client(Guid clientId) => $"client:{clientId:N}";

    public const string TopicPrefix = "topic:";

    public static string Topic(string topic) => TopicPrefix + topic;

    public static string QuestionsOf(Guid nurseId) => $"questions-of:{nurseId:N}";
}
