using Buurtzorg.Chaos.Http;

namespace Buurtzorg.Chaos.Load;

/// <summary>
/// A client's network, kept as the access policy has it: the team's nurse records the people (a
/// client may change only who sees what), the client decides what each may see. The nurse adds
/// a person whose name carries the action's key, then either keeps them (changes their details,
/// whose description carries that action's key, and the client lets them see the agenda) or
/// takes them out again. Nothing else touches this network, one action at a time, so every
/// person's story is one sequence.
/// </summary>
public sealed class NetworkAgent(UserSession nurse, UserSession client, Requests requests, ActionLog log, Random random)
{
    /// <summary>People kept in the network; the rest are removed again, so it stays under its limit of 30 even with duplicates.</summary>
    private const int MostKept = 6;

    private int _kept;

    private string Network => $"/api/clients/{client.SubjectId}/network";

    public async Task Step(CancellationToken cancellationToken)
    {
        var add = log.Add(new ActionRecord(ActionKind.AddMember, nurse.UserName) { ClientId = client.SubjectId });
        add.Marker = Name(add.Key);
        await requests.Act(nurse, add, HttpMethod.Post, Network, new { name = add.Marker, relation = "Friend" });
        var member = add.Response?["network"]?.AsArray().FirstOrDefault(m => (string?)m?["details"]?["name"] == add.Marker);
        if (member is null || !Guid.TryParse((string?)member["id"], out var memberId))
        {
            return;
        }

        add.MemberId = memberId;
        await Think(cancellationToken);
        if (_kept < MostKept)
        {
            _kept++;
            var change = log.Add(new ActionRecord(ActionKind.ChangeMember, nurse.UserName) { ClientId = client.SubjectId, MemberId = memberId });
            change.Marker = Description(change.Key);
            await requests.Act(nurse, change, HttpMethod.Put, $"{Network}/{memberId}", new { name = add.Marker, relation = "Friend", relationDescription = change.Marker });
            await Think(cancellationToken);
            var access = log.Add(new ActionRecord(ActionKind.SetAccess, client.UserName) { ClientId = client.SubjectId, MemberId = memberId, Access = "Agenda" });
            await requests.Act(client, access, HttpMethod.Put, $"{Network}/{memberId}/access", new { access = access.Access });
        }
        else
        {
            var remove = log.Add(new ActionRecord(ActionKind.RemoveMember, nurse.UserName) { ClientId = client.SubjectId, MemberId = memberId });
            await requests.Act(nurse, remove, HttpMethod.Delete, $"{Network}/{memberId}", null);
        }
    }

    private Task Think(CancellationToken cancellationToken) => LoadDriver.Think(random, cancellationToken);

    public static string Name(string key) => $"Chaos {key}";

    public static string Description(string key) => $"chaos {key}";
}
