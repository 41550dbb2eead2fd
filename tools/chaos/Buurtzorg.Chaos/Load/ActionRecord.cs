using System.Text.Json.Nodes;

namespace Buurtzorg.Chaos.Load;

public enum ActionKind
{
    Claim,
    Release,
    HandOver,
    WriteProblem,
    RateOutcome,
    AddMember,
    ChangeMember,
    SetAccess,
    RemoveMember,
}

public enum ActionEnd
{
    /// <summary>A 2xx came back: the user was told it is done.</summary>
    Acknowledged,

    /// <summary>A final 4xx: the user was told it was refused.</summary>
    Refused,

    /// <summary>No final answer before the deadline (errors, timeouts, 5xx): the user does not know.</summary>
    NoAnswer,
}

/// <summary>How the final state answers for an action.</summary>
public enum Effect
{
    Unchecked,
    Applied,
    NotApplied,
    AppliedTwice,

    /// <summary>A later action of the same thing overwrote it; it was acknowledged and the later one could only follow it.</summary>
    Superseded,
}

/// <summary>
/// One thing a user did, with the idempotency key every try of it carried. What it aimed at is
/// kept so the final state can be searched for it: the payload names the key where the API has
/// a free-text field (a network member's name, a care plan's sign), and a rating is one of a
/// kind (its date and scores are unique in the run).
/// </summary>
public sealed class ActionRecord(ActionKind kind, string user)
{
    public string Key { get; } = Guid.NewGuid().ToString();

    public ActionKind Kind { get; } = kind;

    public string User { get; } = user;

    public string Method { get; set; } = "";

    public string Path { get; set; } = "";

    public double Started { get; set; }

    public double Ended { get; set; }

    public int Attempts { get; set; }

    public int? Status { get; set; }

    public ActionEnd End { get; set; }

    public Effect Effect { get; set; }

    public Guid? VisitId { get; init; }

    public Guid? NurseId { get; init; }

    public Guid? ToNurseId { get; init; }

    public Guid? ClientId { get; init; }

    public int? ProblemCode { get; init; }

    public Guid? MemberId { get; set; }

    /// <summary>What identifies the payload in the final state (a name, a sign, a rating).</summary>
    public string? Marker { get; set; }

    public string? Access { get; init; }

    /// <summary>The body of the acknowledgement, for the next step of the user's story.</summary>
    public JsonNode? Response { get; set; }

    public double LatencySeconds => Ended - Started;
}
