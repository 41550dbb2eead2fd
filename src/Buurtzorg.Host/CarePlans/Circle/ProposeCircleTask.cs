using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.CarePlans.Circle;

/// <summary>
/// The client, or a relative with care-plan access, proposes what they will do themselves: a
/// task, on which days and when, and who. A relative proposes for herself; the client for
/// themself or anyone in their network (who then does it, once the team agrees).
/// </summary>
public sealed record ProposeCircleTask(
    Guid ClientId, CircleViewer Viewer, string? Text, IReadOnlyList<DayOfWeek>? Days, TimeOnly? At, PartOfDay? PartOfDay, Guid? NetworkMemberId)
    : ICommand<CircleTaskView>, IValidatedMessage
{
    public CircleTimingInput When => new(Days, At, PartOfDay);

    public void Validate(ValidationErrors errors)
    {
        errors.RequireSingleLine("text", Text, CircleTask.MaxTextLength);
        When.Validate(errors);
        if (Viewer.Role == AccountRole.Family && NetworkMemberId is { } member && member != Viewer.MemberId)
        {
            errors.Add("networkMemberId", "A relative proposes what she does herself: leave 'networkMemberId' out, or name yourself.");
        }
    }
}

public sealed class ProposeCircleTaskHandler(IGrainFactory grains) : ICommandHandler<ProposeCircleTask, CircleTaskView>
{
    public async ValueTask<CircleTaskView> Handle(ProposeCircleTask command, CancellationToken cancellationToken)
    {
        var client = await grains.RequireClient(command.ClientId);
        var by = command.Viewer.AsActor(command.ClientId) is { Kind: not PlanActorKind.Nurse } actor
            ? actor
            : throw new ForbiddenActException("Only the client and their network propose what they do.", "The team writes its own care into the plan, or answers what the client and their network propose.");

        // Who does it: a relative herself; the client themself, unless they name someone of their network.
        var doer = by.Kind == PlanActorKind.NetworkMember ? by.Id : command.NetworkMemberId;
        if (doer is { } member && !client.Network.Any(m => m.Id == member))
        {
            var errors = new ValidationErrors();
            errors.Add("networkMemberId", "This person is not in the client's network.");
            throw new RequestValidationException(errors);
        }

        var proposal = new CircleTaskProposal(Guid.NewGuid(), FieldRules.Clean(command.Text!), command.When.ToTiming(), doer);
        var plan = (await grains.GetGrain<ICarePlanGrain>(command.ClientId).ProposeCircleTask(proposal, by)).OrThrow();
        // A replayed answer (the same Idempotency-Key) holds the task its first run proposed: the one of that version.
        var task = plan.CircleTasks.FirstOrDefault(t => t.Id == proposal.Id) ?? plan.CircleTasks.Single(t => t.Version == plan.Version);
        var people = await CirclePeople.For(grains, client, command.Viewer, GetCircleTasksHandler.Actors(task));
        return people.View(task);
    }
}
