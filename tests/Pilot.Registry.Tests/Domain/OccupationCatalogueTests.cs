using Pilot.Registry.Domain.Occupations;

namespace Pilot.Registry.Tests.Domain;

public sealed class OccupationCatalogueTests
{
    private static readonly OccupationCatalogue Catalogue = OccupationCatalogue.Default;

    [Fact]
    public void Holds_every_occupation_of_the_2022_classification()
    {
        Assert.Equal(1639, Catalogue.All.Count);
        var welder = Catalogue.Find("6-18-02-04");
        Assert.NotNull(welder);
        Assert.Equal("焊工", welder.Name);
        Assert.All(Catalogue.All, o => Assert.True(OccupationCode.IsWellFormed(o.Code), o.Code));
    }

    [Theory]
    [InlineData("6-31-01-03", QualificationKind.LevelEvaluation)] // 电工
    [InlineData("4-03-02-01", QualificationKind.LevelEvaluation)] // 中式烹调师
    [InlineData("3-02-03-01", QualificationKind.LevelEvaluation)] // 消防员: 2021 says 水平评价类 (unconfirmed), 2017 list agrees
    [InlineData("6-18-02-04", QualificationKind.Licensing)]       // 焊工, 2017 准入类
    [InlineData("4-07-05-03", QualificationKind.Licensing)]       // 消防设施操作员
    [InlineData("4-07-05-01", QualificationKind.AboutToBecomeLicensing)] // 保安员
    [InlineData("4-02-04-01", QualificationKind.AboutToBecomeLicensing)] // 民航乘务员
    [InlineData("1-01-00-01", QualificationKind.NotInCatalogue)]
    [InlineData("2-02-10-03", QualificationKind.NotInCatalogue)]
    public void Knows_the_qualification_kind_of_an_occupation(string code, QualificationKind expected)
    {
        Assert.Equal(expected, Catalogue.Find(code)?.Kind);
    }

    [Fact]
    public void Curated_kinds_cover_184_occupations_and_only_level_evaluation_ones_are_in_scope()
    {
        var curated = Catalogue.All.Where(o => o.KindSource is not null).ToList();
        Assert.Equal(184, curated.Count);
        Assert.Equal(177, Catalogue.All.Count(o => o.IsInPilotScope));
        Assert.All(Catalogue.All.Where(o => o.KindSource is null), o => Assert.Equal(QualificationKind.NotInCatalogue, o.Kind));
    }

    [Theory]
    [InlineData("6-18-02-04", true)]
    [InlineData("1-02-01-00", true)]
    [InlineData("6-18-02-4", false)]
    [InlineData("61802 04", false)]
    [InlineData("9-01-01-01", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Validates_the_code_format(string? code, bool expected)
    {
        Assert.Equal(expected, OccupationCode.IsWellFormed(code));
    }

    [Fact]
    public void Finds_nothing_for_an_unknown_code()
    {
        Assert.Null(Catalogue.Find("6-99-99-99"));
        Assert.Null(Catalogue.Find(null));
    }
}
