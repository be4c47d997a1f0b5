using Pilot.SharedKernel;

namespace Pilot.Registry.Tests.Domain;

public sealed class UnifiedSocialCreditCodeTests
{
    // Codes and verdicts from the GB 32100-2015 examples in the shared reference data.
    [Theory]
    [InlineData("91110000600037341L")]
    [InlineData("121200004013590816")]
    [InlineData("91310115MA1K3BTP2B")]
    [InlineData("92340602MA2PBMEM24")]
    [InlineData("91620105L015101280")]
    [InlineData("9144030071526726XG")]
    public void Accepts_codes_whose_check_character_matches(string text)
    {
        Assert.True(UnifiedSocialCreditCode.TryParse(text, out var code, out _));
        Assert.Equal(text, code.Value);
    }

    [Fact]
    public void Rejects_a_wrong_check_character_and_says_which_one_was_expected()
    {
        Assert.False(UnifiedSocialCreditCode.TryParse("91110000600037341N", out _, out var error));
        Assert.Contains("'L'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("91110000600037341")]
    [InlineData("9111000060003734IL")]
    public void Rejects_wrong_length_and_forbidden_characters(string text)
    {
        var error = Assert.Throws<DomainException>(() => UnifiedSocialCreditCode.Parse(text, "credit_code"));
        Assert.Equal("credit_code", Assert.Single(error.Violations).Field);
        Assert.Equal(ErrorKind.Invalid, error.Kind);
    }

    [Fact]
    public void Knows_the_31_mainland_province_level_regions()
    {
        Assert.Equal(31, ProvinceRegion.All.Count);
        Assert.True(ProvinceRegion.TryFind("110000", out var beijing));
        Assert.Equal("北京市", beijing.Name);
        Assert.Throws<DomainException>(() => ProvinceRegion.Parse("110100", "region"));
    }

    [Theory]
    [InlineData("91110000600037341", "91110000600037341L")]
    [InlineData("91620105L01510128", "91620105L015101280")]
    public void Completes_seventeen_characters_with_the_check_character(string first17, string expected)
    {
        Assert.Equal(expected, UnifiedSocialCreditCode.Complete(first17).Value);
    }
}
