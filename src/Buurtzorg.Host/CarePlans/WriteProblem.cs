using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.CarePlans;

/// <summary>Adds an Omaha problem to the plan, or rewrites it (its ratings are kept).</summary>
public sealed record WriteProblem(Guid ClientId, int ProblemCode, ProblemInput Problem) : ICommand<CarePlanSnapshot>, IValidatedMessage
{
    public void Validate(ValidationErrors errors)
    {
        CarePlanRules.RequireProblemCode(errors, ProblemCode);
        Problem.Validate(errors);
    }
}

public sealed class WriteProblemHandler(IGrainFactory grains) : ICommandHandler<WriteProblem, CarePlanSnapshot>
{
    public async ValueTask<CarePlanSnapshot> Handle(WriteProblem command, CancellationToken cancellationToken)
    {
        var client = await grains.RequireClient(command.ClientId);

        // Someone from the client's own network can only take on a task if they are in it.
        var errors = new ValidationErrors();
        var interventions = command.Problem.Interventions ?? [];
        for (var i = 0; i < interventions.Count; i++)
        {
            if (interventions[i].NetworkMemberId is { } member && !client.Network.Any(m => m.Id == member))
            {
                errors.Add($"interventions[{i}].networkMemberId", "This person is not in the client's network.");
            }
        }

        if (errors.Any)
        {
            throw new RequestValidationException(errors);
        }

        var result = await grains.GetGrain<ICarePlanGrain>(command.ClientId)
            .WriteProblem(command.Problem.ExpectedVersion!.Value, command.Problem.ToEdit(command.ProblemCode), command.Problem.ChangedBy!.Value);
        return result.OrThrow();
    }
}
