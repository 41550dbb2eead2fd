using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Nurses;
using Buurtzorg.Host.Teams;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Buurtzorg.Host.Tests.Infrastructure;

/// <summary>
/// What an office does before anyone signs in on a secure host: found teams and hire nurses
/// (registered, placed in their team, with an account). Everything after that goes through the
/// API as the nurses themselves.
/// </summary>
public static class Office
{
    public static async Task<Guid> FoundTeam(this TestHost host, string name) =>
        (await host.App.Services.GetRequiredService<IMediator>().Send(new CreateTeam(name))).Id;

    /// <summary>A nurse available every day between <paramref name="from"/> and <paramref name="to"/>, in the team, with an account named <paramref name="userName"/>.</summary>
    public static async Task<Guid> Hire(this TestHost host, Guid teamId, string name, string userName, string from = "07:00", string to = "22:00")
    {
        var mediator = host.App.Services.GetRequiredService<IMediator>();
        var nurse = await mediator.Send(new RegisterNurse(
            name, [Qualification.BasicCare, Qualification.InjectionsAndMedication], 28, 52.09, 5.12,
            [.. Enum.GetValues<DayOfWeek>().Select(day => new AvailabilitySlotInput(day, TimeOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)))]));
        await mediator.Send(new MoveNurse(nurse.Id, teamId));
        await host.OpenAccount(userName, AccountRole.Nurse, nurse.Id);
        return nurse.Id;
    }
}
