namespace Buurtzorg.Host.Tests.Infrastructure;

public static class EventuallyExtensions
{
    /// <summary>
    /// Reads until the condition holds, for state that follows a one-way message: there is no
    /// event to await, so this re-reads with a short pause, failing after a deadline.
    /// </summary>
    public static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> condition, TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var value = await read();
            if (condition(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The condition did not hold within the deadline; last read: {value}");
            }

            await Task.Delay(50);
        }
    }
}
