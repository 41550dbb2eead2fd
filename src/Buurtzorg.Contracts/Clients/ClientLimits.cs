namespace Buurtzorg.Contracts.Clients;

public static class ClientLimits
{
    /// <summary>
    /// The most people a client's network holds. A care network is the people around one person
    /// who help or should be told: family, neighbours, friends, volunteers, the informal carer;
    /// in Dutch practice that is a handful to a dozen or two, so thirty leaves room for a large
    /// family while a record stays small enough to read, store and send to every screen at
    /// once (hundreds of entries are junk or an attack, not a network).
    /// </summary>
    public const int MaxNetworkMembers = 30;
}
