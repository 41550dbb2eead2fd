using Buurtzorg.Grains.Idempotency;
using Mediator;

namespace Buurtzorg.Host.Faults;

/// <summary>
/// While the cluster declares a dead silo dead, calls to the grains it held fail (the silo does
/// not answer, or the directory still points there). Instead of answering the user with an
/// error, the whole message is tried again until the grains answer from a live silo, for reads
/// and for commands that carry an idempotency key (their retry cannot apply a change twice).
/// A command without a key is not retried: its first attempt may have been applied.
/// </summary>
public sealed partial class RetryWhileSiloFails<TMessage, TResponse>(ILogger<RetryWhileSiloFails<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    // Orleans' failure detection here takes about 3-4 s (SiloBuilderExtensions); 10 s covers a
    // slow declaration with room to spare and stays below what a person waits for.
    internal static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IBaseQuery && !IdempotentRequest.IsCarried)
        {
            return await next(message, cancellationToken);
        }

        var started = TimeProvider.System.GetTimestamp();
        var pause = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                return await next(message, cancellationToken);
            }
            catch (Exception ex) when (SiloFailure.IsPassing(ex) && TimeProvider.System.GetElapsedTime(started) + pause < Patience)
            {
                LogRetrying(logger, typeof(TMessage).Name, pause.TotalMilliseconds, ex.GetType().Name);
                await Task.Delay(pause, cancellationToken);
                pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 1000));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Message} met a silo that is going away; trying again in {PauseMs} ms ({Exception})")]
    private static partial void LogRetrying(ILogger logger, string message, double pauseMs, string exception);
}
