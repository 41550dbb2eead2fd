using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Grains;
using Buurtzorg.Host.Access;
using Buurtzorg.Host.CarePlans;
using Buurtzorg.Host.Interop.Fhir;
using Mediator;

namespace Buurtzorg.Host.Interop.PersonalData;

/// <summary>
/// Everything the system holds about a client, as one zip (the AVG's right of access, art. 15):
/// <c>client.json</c> (<see cref="ClientPersonalData"/>), <c>fhir-bundle.json</c> (the care plan
/// as FHIR R4, see <see cref="GetFhirBundle"/>) and <c>access-log.json</c>. The access log is the
/// client's own (a nurse never reads it): <paramref name="WithAccessLog"/> is decided by the
/// caller's right to read it, so a nurse downloading on the client's behalf gets the rest and a
/// note that the client reads the log themselves.
/// </summary>
public sealed record GetPersonalData(Guid ClientId, bool WithAccessLog) : IQuery<PersonalDataDownload>;

public sealed record PersonalDataDownload(string FileName, byte[] Content);

/// <summary>What is held about the client, at the moment of the download; nurses' ids are named in <see cref="Nurses"/>.</summary>
public sealed record ClientPersonalData(
    DateTimeOffset ExportedAt,
    ClientRecord Client,
    string? TeamName,
    CarePlanSnapshot CarePlan,
    IReadOnlyList<CarePlanChange> CarePlanHistory,
    IReadOnlyList<CarePlanSnapshot> CarePlanVersions,
    IReadOnlyList<VisitNote> VisitNotes,
    IReadOnlyList<Visit> Visits,
    IReadOnlyDictionary<Guid, string> Nurses);

/// <summary>The access log as downloaded: every line, newest first, or why it was left out.</summary>
public sealed record PersonalDataAccessLog(Guid ClientId, string? Withheld, IReadOnlyList<AccessLogEntry> Lines);

public sealed class GetPersonalDataHandler(IGrainFactory grains, GetFhirBundleHandler fhir, AccessLog log, TimeProvider clock) : IQueryHandler<GetPersonalData, PersonalDataDownload>
{
    public const string ClientFile = "client.json";
    public const string FhirFile = "fhir-bundle.json";
    public const string AccessLogFile = "access-log.json";

    /// <summary>How far back the team's schedule keeps visits (see TeamScheduleGrain): older ones are no longer held.</summary>
    private const int ScheduleKeepsDays = 28;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public async ValueTask<PersonalDataDownload> Handle(GetPersonalData query, CancellationToken cancellationToken)
    {
        var client = await grains.RequireClient(query.ClientId);
        var data = await Gather(client);
        var bundle = await fhir.Handle(new GetFhirBundle(query.ClientId), cancellationToken);
        var accessLog = query.WithAccessLog
            ? new PersonalDataAccessLog(client.Id, null, await log.ForClient(client.Id, int.MaxValue, cancellationToken))
            : new PersonalDataAccessLog(client.Id, "The access log is the client's own: the client downloads it signed in as themselves.", []);

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await Write(zip, ClientFile, JsonSerializer.SerializeToUtf8Bytes(data, Json), cancellationToken);
            await Write(zip, FhirFile, System.Text.Encoding.UTF8.GetBytes(FhirJson.Serialize(bundle, pretty: true)), cancellationToken);
            await Write(zip, AccessLogFile, JsonSerializer.SerializeToUtf8Bytes(accessLog, Json), cancellationToken);
        }

        return new PersonalDataDownload($"persoonsgegevens-{DutchCalendar.Today(clock):yyyy-MM-dd}.zip", buffer.ToArray());
    }

    private async Task<ClientPersonalData> Gather(ClientRecord client)
    {
        var planGrain = grains.GetGrain<ICarePlanGrain>(client.Id);
        var plan = await planGrain.Get();
        var history = await planGrain.GetHistory();
        // The history says who changed what; the versions say what the plan held at each change.
        var versions = new List<CarePlanSnapshot>();
        for (var version = 1; version <= plan.Version; version++)
        {
            if (await planGrain.GetVersion(version) is { } snapshot)
            {
                versions.Add(snapshot);
            }
        }

        var notes = await grains.GetGrain<IClientNotesGrain>(client.Id).GetNotes();
        var today = DutchCalendar.Today(clock);
        var schedule = await grains.GetGrain<ITeamScheduleGrain>(client.Details.TeamId).GetVisits(today.AddDays(-ScheduleKeepsDays), today.AddDays(ScheduleHorizon.Days - 1));
        var visits = schedule.Visits.Where(v => v.ClientId == client.Id).OrderBy(v => v.Date).ThenBy(v => v.WindowStart).ToList();
        var team = await grains.GetGrain<ITeamGrain>(client.Details.TeamId).Get();
        var nurseIds = visits.SelectMany(v => v.AssignedNurses).Concat(history.Select(c => c.By)).Concat(notes.Select(n => n.AuthorId)).Distinct();
        var nurses = new Dictionary<Guid, string>();
        foreach (var nurseId in nurseIds)
        {
            if (await grains.GetGrain<INurseGrain>(nurseId).Get() is { } nurse)
            {
                nurses[nurseId] = nurse.Profile.Name;
            }
        }

        return new ClientPersonalData(clock.GetUtcNow(), client, team?.Name, plan, history, versions, notes, visits, nurses);
    }

    private static async Task Write(ZipArchive zip, string name, byte[] content, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var stream = entry.Open();
        await stream.WriteAsync(content, cancellationToken);
    }
}
