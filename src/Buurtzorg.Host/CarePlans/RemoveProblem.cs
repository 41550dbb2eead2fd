using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.CarePlans;

/// <summary>Takes a problem out of the plan; it stays readable in earlier versions.</summary>
public sealed record RemoveProblem(Guid ClientId, int ProblemCode, int? ExpectedVersion, Guid? ChangedBy) : ICommand<CarePlanSnapshot>, IValidatedMessage
{
    public void Validate(ValidationErrors errors)
    {
        CarePlanRules.RequireProblemCode(errors, ProblemCode);
        CarePlanRules.RequireEditBasis(errors, ExpectedVersion, ChangedBy);
    }
}

public sealed class RemoveProblemHandler(IGrainFactory grains) : ICommandHandler<RemoveProblem, CarePlanSnapshot>
{
    public async ValueTask<CarePlanSnapshot> Handle(RemoveProblem command, CancellationToken cancellationToken)
    {
        await grains.RequireClient(command.ClientId);
        var result = await grains.GetGrain<ICarePlanGrain>(command.ClientId)
            .RemoveProblem(command.ExpectedVersion!.Value, command.ProblemCode, command.ChangedBy!.Value);
        return result.OrThrow();
    }
}
