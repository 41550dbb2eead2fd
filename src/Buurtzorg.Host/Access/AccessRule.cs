namespace Buurtzorg.Host.Access;

/// <summary>What an endpoint or hub method touches; the policy decides who may, per role and relationship.</summary>
public enum Scope
{
    /// <summary>No sign-in needed (signing in itself).</summary>
    Public,

    /// <summary>Any signed-in account, about itself only (its own session, its own links).</summary>
    Self,

    /// <summary>Any nurse: team-independent nursing reference data, starting a team.</summary>
    AnyNurse,

    /// <summary>The teams' public listing (names and sizes): nurses and central staff.</summary>
    TeamListing,

    /// <summary>A team's members, schedule and rounds (route value teamId): the team's nurses.</summary>
    Team,

    /// <summary>One nurse's record (route value nurseId): herself and her team's nurses.</summary>
    Nurse,

    /// <summary>What only the nurse herself decides (route value nurseId): leaving her team.</summary>
    OwnNurse,

    /// <summary>A client's data (route value clientId): see <see cref="ClientPart"/>.</summary>
    Client,

    /// <summary>Aggregated capacity: central staff and nurses.</summary>
    Capacity,

    /// <summary>The running cluster (the Orleans dashboard): operations staff only.</summary>
    Operations,
}

/// <summary>Which part of a client's data; family see parts by the tier the client granted them.</summary>
public enum ClientPart
{
    /// <summary>Upcoming visits and who is coming (family with "agenda" or "care plan" access).</summary>
    Agenda,

    /// <summary>Problems, interventions and outcomes (family with "care plan" access).</summary>
    CarePlan,

    /// <summary>Contact details, status and network: the client and their team only.</summary>
    Record,

    /// <summary>
    /// The client's network: who is in it and what each may see. The client decides; their
    /// team's nurses keep it up to date with them.
    /// </summary>
    NetworkAccess,

    /// <summary>The NEN 7513 log of who looked at the record: the client only.</summary>
    AccessLog,

    /// <summary>
    /// Visit notes (rapportage): written by the team's nurses, read by the client and by family
    /// with "care plan" access (what a nurse saw is health information, as the plan is).
    /// </summary>
    Notes,

    /// <summary>
    /// What the client's circle proposes to do itself: proposed by the client and by family with
    /// "care plan" access, read by them and the team. The team answers in the care plan itself
    /// (agreeing writes an intervention), so answering needs <see cref="CarePlan"/>.
    /// </summary>
    CircleTasks,
}

/// <summary>The access an endpoint needs; every endpoint the host maps carries one.</summary>
public sealed record AccessRule(Scope Scope, ClientPart Part = ClientPart.Record, bool Changes = false)
{
    public static AccessRule Public => new(Scope.Public);

    public static AccessRule Self => new(Scope.Self);

    public static AccessRule AnyNurse => new(Scope.AnyNurse);

    public static AccessRule TeamListing => new(Scope.TeamListing);

    public static AccessRule Capacity => new(Scope.Capacity);

    public static AccessRule Operations => new(Scope.Operations);

    public static AccessRule ReadTeam => new(Scope.Team);

    public static AccessRule ChangeTeam => new(Scope.Team, Changes: true);

    public static AccessRule ReadNurse => new(Scope.Nurse);

    public static AccessRule ChangeNurse => new(Scope.Nurse, Changes: true);

    public static AccessRule OwnDecision => new(Scope.OwnNurse, Changes: true);

    public static AccessRule ReadClient(ClientPart part) => new(Scope.Client, part);

    public static AccessRule ChangeClient(ClientPart part) => new(Scope.Client, part, Changes: true);

    /// <summary>What the access log calls it.</summary>
    public string Describe() => Scope == Scope.Client ? $"{(Changes ? "change" : "read")} {Part}" : $"{(Changes ? "change" : "read")} {Scope}";
}

public static class AccessRuleExtensions
{
    /// <summary>
    /// Declares what the endpoint touches; the access gate checks it before the handler runs. A
    /// team endpoint also logs each client whose data its answer holds.
    /// </summary>
    public static TBuilder Requires<TBuilder>(this TBuilder builder, AccessRule rule)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(rule);
        builder.Add(endpoint => endpoint.Metadata.Add(rule));
        if (rule.Scope == Scope.Team && builder is RouteHandlerBuilder handler)
        {
            handler.AddEndpointFilter(RevealedClients.Filter);
        }

        return builder;
    }
}
