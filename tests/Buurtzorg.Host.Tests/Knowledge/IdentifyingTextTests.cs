using Buurtzorg.Host.Knowledge;
using Buurtzorg.Host.Problems;

namespace Buurtzorg.Host.Tests.Knowledge;

/// <summary>What the network refuses as identifying a person, and the clinical text it lets through.</summary>
public sealed class IdentifyingTextTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly KnownPerson[] Clients = [new("Johanna de Groot", "Neude", "11", "3512 AE"), new("Gerrit Bakker", "Oudegracht", "231", "3511 NK")];

    [Theory]
    [InlineData("Mevrouw Johanna de Groot heeft een open been", FieldCodes.IdentifiesClientName)]
    [InlineData("hoe gaat het met johanna de groot?", FieldCodes.IdentifiesClientName)]
    [InlineData("Bij de Groot lekt de stoma", FieldCodes.IdentifiesClientName)]
    [InlineData("Meneer Bakker wil geen insuline", FieldCodes.IdentifiesClientName)]
    [InlineData("Cliënt woont op de Neude 11, derde verdieping", FieldCodes.IdentifiesAddress)]
    [InlineData("Ze woont aan de Biltstraat 12a", FieldCodes.IdentifiesAddress)]
    [InlineData("Postcode 3581 KP, bij de kerk", FieldCodes.IdentifiesPostcode)]
    [InlineData("adres 3581kp 14", FieldCodes.IdentifiesPostcode)]
    [InlineData("geboren 12-03-1938, nu pijn", FieldCodes.IdentifiesDateOfBirth)]
    [InlineData("geboren op 4 maart 1941", FieldCodes.IdentifiesDateOfBirth)]
    [InlineData("BSN 123456782 staat in het dossier", FieldCodes.IdentifiesBsn)]
    [InlineData("nummer 1234 56 782", FieldCodes.IdentifiesBsn)]
    [InlineData("bel de dochter op 06-12345678", FieldCodes.IdentifiesPhone)]
    [InlineData("bel 06 1234 5678", FieldCodes.IdentifiesPhone)]
    [InlineData("bel +31 6 12345678", FieldCodes.IdentifiesPhone)]
    [InlineData("huisarts 030 123 4567", FieldCodes.IdentifiesPhone)]
    public void Refuses_what_identifies_a_person(string text, string code) =>
        Assert.Contains(code, IdentifyingText.Find(text, Clients, Today));

    [Theory]
    [InlineData("Wie heeft ervaring met negatieve druktherapie bij een decubitus graad 4?")]
    [InlineData("Een grote wond aan het onderbeen, 1000 mg paracetamol 3 keer per dag helpt niet")]
    [InlineData("Sinds 12-11-2026 is het verband elke dag nat")]
    [InlineData("Vrouw van 88 met dementie weigert sinds 3 weken de thuiszorg")]
    [InlineData("Tussen 08.30 en 10.00 uur is ze het onrustigst")]
    [InlineData("Groot probleem: de pomp geeft 2 ml per uur")]
    public void Lets_clinical_text_through(string text) =>
        Assert.Empty(IdentifyingText.Find(text, Clients, Today));
}
