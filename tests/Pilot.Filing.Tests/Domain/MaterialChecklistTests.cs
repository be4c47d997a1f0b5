using Pilot.Filing.Domain.Materials;

namespace Pilot.Filing.Tests.Domain;

public sealed class MaterialChecklistTests
{
    [Fact]
    public void A_department_hands_in_work_plan_recommendation_letter_and_implementation_plan()
    {
        var documents = MaterialChecklist.For(SubmitterKind.Department);
        Assert.Equal(["pilot-work-plan", "recommendation-letter", "implementation-plan"], documents.Select(d => d.Id));
        Assert.Equal([1, 2, 3], documents.Select(d => d.Number));
        Assert.Equal("职业技能等级试点工作方案", documents[0].Title);
        Assert.Equal("推荐社会培训评价组织的函", documents[1].Title);
        Assert.Equal(["goals", "supervision-organisation", "certification-supervision-system", "steps-and-schedule"], documents[0].Sections.Select(s => s.Id));
        Assert.Contains(documents[2].Sections, s => s.Id == "basic-facts");
    }

    [Fact]
    public void An_industry_organisation_hands_in_work_plan_branch_selection_and_implementation_plan()
    {
        var documents = MaterialChecklist.For(SubmitterKind.IndustryOrganisation);
        Assert.Equal(["pilot-work-plan", "branch-selection", "implementation-plan"], documents.Select(d => d.Id));
        Assert.Equal("职业技能等级认定试点工作方案", documents[0].Title);
        Assert.Equal(9, documents[0].Sections.Count);
        Assert.Contains(documents[0].Sections, s => s.Id == "occupations" && s.Title == "职业（工种）范围");
        Assert.DoesNotContain(documents[2].Sections, s => s.Id == "basic-facts");
    }

    [Theory]
    [InlineData(SubmitterKind.Department)]
    [InlineData(SubmitterKind.IndustryOrganisation)]
    public void Only_the_implementation_plan_carries_the_twelve_regulations(SubmitterKind kind)
    {
        var documents = MaterialChecklist.For(kind);
        Assert.Empty(documents[0].Regulations);
        Assert.Empty(documents[1].Regulations);
        Assert.Equal(12, documents[2].Regulations.Count);
        Assert.Equal("exam-administration", documents[2].Regulations[0].Id);
        Assert.Equal("考务管理办法", documents[2].Regulations[0].Title);
        Assert.Equal("信息公开制度", documents[2].Regulations[^1].Title);
    }

    [Theory]
    [InlineData(SubmitterKind.Department)]
    [InlineData(SubmitterKind.IndustryOrganisation)]
    public void Ids_are_unique_and_every_item_has_a_gloss(SubmitterKind kind)
    {
        var documents = MaterialChecklist.For(kind);
        Assert.Equal(documents.Count, documents.Select(d => d.Id).Distinct().Count());
        foreach (var document in documents)
        {
            Assert.Equal(document.Sections.Count, document.Sections.Select(s => s.Id).Distinct().Count());
            Assert.All(document.Sections, s => Assert.False(string.IsNullOrWhiteSpace(s.Gloss)));
        }

        Assert.Equal(12, Regulations.All.Select(r => r.Id).Distinct().Count());
    }
}
