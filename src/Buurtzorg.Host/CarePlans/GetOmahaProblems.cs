using Buurtzorg.Contracts.CarePlans.Omaha;
using Mediator;

namespace Buurtzorg.Host.CarePlans;

/// <summary>The Omaha System's problem list, so pages can name a problem by its code.</summary>
public sealed record GetOmahaProblems : IQuery<IReadOnlyList<OmahaProblem>>;

public sealed class GetOmahaProblemsHandler : IQueryHandler<GetOmahaProblems, IReadOnlyList<OmahaProblem>>
{
    public ValueTask<IReadOnlyList<OmahaProblem>> Handle(GetOmahaProblems query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(OmahaProblems.All);
}
