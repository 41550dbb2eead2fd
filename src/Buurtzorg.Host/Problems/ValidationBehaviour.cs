using Mediator;

namespace Buurtzorg.Host.Problems;

/// <summary>Refuses a message with bad input before its handler (and so any grain) runs.</summary>
public sealed class ValidationBehaviour<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IValidatedMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        message.Validate(errors);
        if (errors.Any)
        {
            throw new RequestValidationException(errors);
        }

        return next(message, cancellationToken);
    }
}
