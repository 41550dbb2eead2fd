using Buurtzorg.Contracts.Knowledge;
using Microsoft.Extensions.Logging;

namespace Buurtzorg.Grains.Knowledge;

public sealed class KnowHowGrain(
    [PersistentState("know-how", GrainStorage.Name)] IPersistentState<KnowHowState> knowHow,
    ILogger<KnowHowGrain> logger) : Grain, IKnowHowGrain
{
    private FollowUps? _followUps;

    private FollowUps FollowUps => _followUps ??= new(this, logger);

    public ValueTask<KnowHowProfile> Get() => ValueTask.FromResult(knowHow.State.ToProfile());

    public async ValueTask<KnowHowProfile> Set(KnowHowProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var state = knowHow.State;
        (state.Topics, state.Hidden, state.Following) = ([.. profile.Topics], profile.Hidden, [.. profile.Following]);
        try
        {
            await knowHow.WriteStateAsync();
        }
        catch
        {
            await knowHow.ReadStateAsync();
            throw;
        }

        await Index(state.ToProfile());
        return state.ToProfile();
    }

    // A hidden nurse is not listed, but the topics she follows still count (and still reach her).
    private Task Index(KnowHowProfile profile) =>
        FollowUps.Send("directory", () => GrainFactory.GetGrain<IKnowHowDirectoryGrain>(0)
            .Put(this.GetPrimaryKey(), profile.Hidden ? [] : profile.Topics, profile.Following).AsTask());
}

/// <summary>Stored form of a nurse's know-how.</summary>
public sealed class KnowHowState
{
    public int Schema { get; set; } = 1;

    public List<string> Topics { get; set; } = [];

    public bool Hidden { get; set; }

    public List<string> Following { get; set; } = [];

    public KnowHowProfile ToProfile() => new([.. Topics], Hidden, [.. Following]);
}
