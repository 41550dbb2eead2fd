using Buurtzorg.Contracts.Geography;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Host.Problems;
using Mediator;
using Buurtzorg.Grains.Idempotency;

namespace Buurtzorg.Host.Nurses;

public sealed record RegisterNurse(
    string? Name,
    IReadOnlyList<Qualification>? Qualifications,
    decimal? ContractHoursPerWeek,
    double? HomeLatitude,
    double? HomeLongitude,
    IReadOnlyList<AvailabilitySlotInput>? WeeklyAvailability) : ICommand<NurseRecord>, IValidatedMessage
{
    public void Validate(ValidationErrors errors)
    {
        errors.RequireName("name", Name, TeamLimits.MaxNameLength);
        if (Qualifications is not { Count: > 0 } qualifications || qualifications.Any(q => !Enum.IsDefined(q)))
        {
            errors.Add("qualifications", $"'qualifications' lists at least one of: {string.Join(", ", Enum.GetNames<Qualification>())}.", FieldCodes.Required);
        }

        if (ContractHoursPerWeek is not { } hours || hours <= 0 || hours > NurseRules.MaxContractHours)
        {
            errors.Add("contractHoursPerWeek", $"'contractHoursPerWeek' must be more than 0 and at most {NurseRules.MaxContractHours}.", FieldCodes.OutOfRange);
        }

        errors.LocationInTheNetherlands("home", HomeLatitude, HomeLongitude);
        NurseRules.Availability(errors, WeeklyAvailability, "weeklyAvailability");
    }
}

public sealed class RegisterNurseHandler(IGrainFactory grains) : ICommandHandler<RegisterNurse, NurseRecord>
{
    public async ValueTask<NurseRecord> Handle(RegisterNurse command, CancellationToken cancellationToken)
    {
        var nurseId = IdempotentRequest.NewId("nurse");
        var profile = new NurseProfile(
            ValidationErrors.CleanName(command.Name),
            [.. command.Qualifications!.Distinct().Order()],
            command.ContractHoursPerWeek!.Value,
            new GeoPoint(command.HomeLatitude!.Value, command.HomeLongitude!.Value),
            NurseRules.ToSlots(command.WeeklyAvailability!));
        return (await grains.GetGrain<INurseGrain>(nurseId).Register(profile)).OrThrow(nurseId);
    }
}
