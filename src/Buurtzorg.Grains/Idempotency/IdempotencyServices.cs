namespace Buurtzorg.Grains.Idempotency;

public static class IdempotencyServices
{
    public static ISiloBuilder AddOutcomeLedgers(this ISiloBuilder silo) =>
        silo.AddIncomingGrainCallFilter<IdempotentCallFilter>();
}
