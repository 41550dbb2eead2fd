using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Host.Access;
using Buurtzorg.Host.Accounts;

namespace Buurtzorg.Host.CarePlans.Circle;

/// <summary>
/// Who reads: their role, and for a relative which entry of the client's network they are. A
/// relative sees who she is herself and who the team is; the rest of the network only as
/// "someone else", as on her page, since the client decides who sees whom.
/// </summary>
public sealed record CircleViewer(AccountRole? Role, Guid? SubjectId, Guid? MemberId)
{
    public static readonly CircleViewer Team = new(AccountRole.Nurse, null, null);

    public static async Task<CircleViewer> Of(HttpContext context, Guid clientId, AccountStore accounts)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(accounts);
        var caller = Caller.From(context.User);
        var member = caller is { Role: AccountRole.Family } ? await accounts.MemberOf(caller.AccountId, clientId, context.RequestAborted) : null;
        return new CircleViewer(caller?.Role, caller?.SubjectId, member);
    }

    /// <summary>Who the viewer is in the plan's history, when they take a step of the circle.</summary>
    public PlanActor? AsActor(Guid clientId) => Role switch
    {
        AccountRole.Client when SubjectId == clientId => new PlanActor(PlanActorKind.Client, clientId),
        AccountRole.Family when MemberId is { } member => new PlanActor(PlanActorKind.NetworkMember, member),
        AccountRole.Nurse when SubjectId is { } nurse => new PlanActor(PlanActorKind.Nurse, nurse),
        _ => null,
    };
}

/// <summary>
/// A person as the viewer may see them: the name and relation of a nurse, the client, or someone
/// from the network, or only the kind for someone else of the network a relative does not see.
/// </summary>
public sealed record PersonView(PlanActorKind Kind, Guid? Id, string? Name, NetworkRelation? Relation, string? RelationDescription, bool IsYou);

/// <summary>Names the people of a client's plan for one viewer; nurses' names are read once each.</summary>
public sealed class CirclePeople(ClientRecord client, CircleViewer viewer, IReadOnlyDictionary<Guid, string> nurses)
{
    public static async Task<CirclePeople> For(IGrainFactory grains, ClientRecord client, CircleViewer viewer, IEnumerable<PlanActor> actors)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var ids = actors.Where(a => a.Kind == PlanActorKind.Nurse).Select(a => a.Id).Distinct().ToList();
        var records = await Task.WhenAll(ids.Select(async id => (id, (await grains.GetGrain<INurseGrain>(id).Get())?.Profile.Name)));
        return new CirclePeople(client, viewer, records.Where(r => r.Name is not null).ToDictionary(r => r.id, r => r.Name!));
    }

    public PersonView Person(PlanActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        switch (actor.Kind)
        {
            case PlanActorKind.Nurse:
                return new PersonView(actor.Kind, actor.Id, nurses.GetValueOrDefault(actor.Id), null, null, viewer.Role == AccountRole.Nurse && viewer.SubjectId == actor.Id);
            case PlanActorKind.Client:
                return new PersonView(actor.Kind, actor.Id, client.Details.Name, null, null, viewer.Role == AccountRole.Client);
            default:
                var you = viewer.MemberId == actor.Id;
                if (viewer.Role == AccountRole.Family && !you)
                {
                    return new PersonView(actor.Kind, null, null, null, null, false);
                }

                // Someone taken out of the network is erased from the record: no name is left to show.
                var member = client.Network.FirstOrDefault(m => m.Id == actor.Id);
                return new PersonView(actor.Kind, actor.Id, member?.Details.Name, member?.Details.Relation, member?.Details.RelationDescription, you);
        }
    }

    /// <summary>Who does a task: the network member it names, or the client.</summary>
    public PersonView DoneBy(CircleTask task) =>
        Person(task.NetworkMemberId is { } member ? new PlanActor(PlanActorKind.NetworkMember, member) : new PlanActor(PlanActorKind.Client, client.Id));

    public CircleTaskView View(CircleTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var proposer = Person(task.ProposedBy);
        return new CircleTaskView(
            task.Id, task.Text, task.When, task.Status, DoneBy(task), proposer, task.ProposedAt,
            task.AnsweredBy is { } by ? Person(by) : null, task.AnsweredAt, task.TeamNote, task.ProblemCode, task.InterventionId,
            task.ProposedText, task.ProposedWhen, task.Version,
            CanWithdraw: proposer.IsYou && task.Status == CircleTaskStatus.Proposed);
    }

    /// <summary>Whom the viewer may propose a task for: the client for themself or anyone in their network, a relative for herself.</summary>
    public IReadOnlyList<PersonView> MayProposeFor() => viewer.Role switch
    {
        AccountRole.Client => [Person(new PlanActor(PlanActorKind.Client, client.Id)), .. client.Network.Select(m => Person(new PlanActor(PlanActorKind.NetworkMember, m.Id)))],
        AccountRole.Family when viewer.MemberId is { } member => [Person(new PlanActor(PlanActorKind.NetworkMember, member))],
        _ => [],
    };
}

/// <summary>A task of the circle as one viewer sees it, with the people named as they may see them.</summary>
public sealed record CircleTaskView(
    Guid Id,
    string Text,
    CircleTaskTiming When,
    CircleTaskStatus Status,
    PersonView DoneBy,
    PersonView ProposedBy,
    DateTimeOffset ProposedAt,
    PersonView? AnsweredBy,
    DateTimeOffset? AnsweredAt,
    string? TeamNote,
    int? ProblemCode,
    Guid? InterventionId,
    string? ProposedText,
    CircleTaskTiming? ProposedWhen,
    int Version,
    bool CanWithdraw);

/// <summary>The circle's tasks of a plan, newest proposal first, and whom the viewer may propose one for.</summary>
public sealed record CircleTasksView(int PlanVersion, IReadOnlyList<CircleTaskView> Tasks, IReadOnlyList<PersonView> MayProposeFor);
