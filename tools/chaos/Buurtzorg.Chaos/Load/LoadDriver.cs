namespace Buurtzorg.Chaos.Load;

/// <summary>
/// Runs every user's loop until the fault plan is done: one action at a time per loop, with a
/// person's pause between actions. Each nurse works her round and her care plans as two pages.
/// </summary>
public static class LoadDriver
{
    public static Task Run(IEnumerable<Func<CancellationToken, Task>> loops, CancellationToken stop) =>
        Task.WhenAll(loops.Select(loop => Task.Run(async () =>
        {
            var random = new Random(Random.Shared.Next());
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await loop(stop);
                    await Think(random, stop);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                }
            }
        }, CancellationToken.None)));

    /// <summary>150-350 ms: quick for a person, and enough load for two cores shared with three hosts and the database.</summary>
    public static Task Think(Random random, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(150 + random.Next(200)), cancellationToken);
}
