using Mediator;

namespace Buurtzorg.Host.Problems;

/// <summary>A command or query that checks its own input before any grain is called.</summary>
public interface IValidatedMessage : IMessage
{
    void Validate(ValidationErrors errors);
}
