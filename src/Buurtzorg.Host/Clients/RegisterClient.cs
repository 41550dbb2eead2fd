using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Host.Problems;
using Mediator;
using Buurtzorg.Grains.Idempotency;

namespace Buurtzorg.Host.Clients;

public sealed record RegisterClient(
    string? Name,
    DateOnly? DateOfBirth,
    AddressInput? Address,
    string? Phone,
    Guid? TeamId,
    decimal? IndicationHoursPerWeek,
    DateOnly? StartDate,
    DateOnly Today) : ICommand<ClientRecord>, IValidatedMessage
{
    // A week has 168 hours; an indication beyond that is a typing error, not care.
    private const decimal MaxIndicationHours = 168;

    public void Validate(ValidationErrors errors)
    {
        errors.RequireName("name", Name, TeamLimits.MaxNameLength);
        if (DateOfBirth is not { } born || born > Today || born < Today.AddYears(-120))
        {
            errors.Add("dateOfBirth", "'dateOfBirth' must be a date in the last 120 years (yyyy-mm-dd).", FieldCodes.OutOfRange);
        }

        if (Address is null)
        {
            errors.Add("address", "'address' is required.", FieldCodes.Required);
        }
        else
        {
            Address.Validate(errors, "address");
        }

        errors.Phone("phone", Phone, required: true);
        errors.RequireId("teamId", TeamId);
        if (IndicationHoursPerWeek is not { } hours || hours <= 0 || hours > MaxIndicationHours)
        {
            errors.Add("indicationHoursPerWeek", $"'indicationHoursPerWeek' must be more than 0 and at most {MaxIndicationHours}.", FieldCodes.OutOfRange);
        }

        if (StartDate is not { } start || start > Today.AddYears(1) || (DateOfBirth is { } birth && start < birth))
        {
            errors.Add("startDate", "'startDate' must be on or after the date of birth and at most a year ahead (yyyy-mm-dd).", FieldCodes.OutOfRange);
        }
    }
}

public sealed class RegisterClientHandler(IGrainFactory grains) : ICommandHandler<RegisterClient, ClientRecord>
{
    public async ValueTask<ClientRecord> Handle(RegisterClient command, CancellationToken cancellationToken)
    {
        var teamId = command.TeamId!.Value;
        if (await grains.GetGrain<ITeamGrain>(teamId).Get() is null)
        {
            var errors = new ValidationErrors();
            errors.Add("teamId", $"There is no team with id '{teamId}'.");
            throw new RequestValidationException(errors);
        }

        var clientId = IdempotentRequest.NewId("client");
        var registration = new ClientRegistration(
            ValidationErrors.CleanName(command.Name),
            command.DateOfBirth!.Value,
            command.Address!.ToAddress(),
            command.Phone!.Trim(),
            teamId,
            command.IndicationHoursPerWeek!.Value,
            command.StartDate!.Value);
        return (await grains.GetGrain<IClientGrain>(clientId).Register(registration)).OrThrow(clientId);
    }
}
