using Pilot.Registry.Domain.Authorisation;
using Pilot.Registry.Domain.Commands;
using Pilot.Registry.Domain.Events;
using Pilot.Registry.Domain.Model;
using Pilot.Registry.Domain.Rules;
using Pilot.Registry.Domain.State;
using Pilot.Registry.Domain.Validation;
using Pilot.SharedKernel;

namespace Pilot.Registry.Domain.Decisions;

public sealed partial class RegistryDecider
{
    private const string BranchField = "branch";

    // Where the R1 facts sit in a branch draft on the wire.
    private const string BranchEligibilityField = "branch.eligibility";

    public Decision<Branch> AddBranch(AddBranch command, Caller caller, IRegistryReadModel model)
    {
        var organisation = RequireOrganisation(command.OrganisationId, "organisation_id", model);
        RegistryPermissions.Demand(RegistryPermissions.MayManageBranches(caller, organisation), caller, $"add branches to {organisation.Id}");
        var batch = RequireOpenBatch(command.BatchId, model);

        var draft = command.Branch;
        var checkedDraft = CheckBranch(draft, organisation, model, existing: null);
        if (model.FindBranch(draft.Id) is not null)
        {
            throw DomainException.AlreadyExists("branch.id", $"branch {draft.Id} already exists");
        }

        BranchOrderRule.Enforce(organisation, batch.Id, model);
        var exception = EligibilityRule.Enforce(checkedDraft.Eligibility, BranchEligibilityField, checkedDraft.CreditCode, PartyKind.Branch, model);

        var branch = new Branch(draft.Id, organisation.Id, batch.Id, checkedDraft.Name, checkedDraft.CreditCode, checkedDraft.Region, checkedDraft.Address, checkedDraft.Eligibility, checkedDraft.Occupations);
        var added = new BranchAdded(
            branch.Id, organisation.Id, organisation.Name, organisation.IsIndustryOrganisation, branch.BatchId, branch.Name,
            branch.CreditCode.Value, branch.Region.Code, branch.Region.Name, branch.Address, branch.Eligibility,
            EventItems.Of(branch.Occupations, Catalogue), exception?.Reason);
        return new(branch, [added]);
    }

    /// <summary>Replaces what may change about a branch; R1 and the subset check apply again to the new facts.</summary>
    public Decision<Branch> ChangeBranch(ChangeBranch command, Caller caller, IRegistryReadModel model)
    {
        var draft = command.Branch;
        var existing = model.FindBranch(draft.Id)
            ?? throw DomainException.NotFound("branch.id", $"there is no branch {draft.Id}");
        var organisation = RequireOrganisation(existing.OrganisationId, "branch.id", model);
        RegistryPermissions.Demand(RegistryPermissions.MayManageBranches(caller, organisation), caller, $"change branches of {organisation.Id}");

        // A closed batch's branches are what was filed and publicised; a change belongs in the next batch.
        RequireOpenBatch(existing.BatchId, model, "branch.id");
        var checkedDraft = CheckBranch(draft, organisation, model, existing);
        var exception = EligibilityRule.Enforce(checkedDraft.Eligibility, BranchEligibilityField, checkedDraft.CreditCode, PartyKind.Branch, model);

        var branch = existing with
        {
            Name = checkedDraft.Name,
            Region = checkedDraft.Region,
            Address = checkedDraft.Address,
            Eligibility = checkedDraft.Eligibility,
            Occupations = checkedDraft.Occupations,
        };
        var changed = new BranchChanged(
            branch.Id, organisation.Id, organisation.Name, organisation.IsIndustryOrganisation, branch.BatchId, branch.Name,
            branch.CreditCode.Value, branch.Region.Code, branch.Region.Name, existing.Region.Code, branch.Address, branch.Eligibility,
            EventItems.Of(branch.Occupations, Catalogue), exception?.Reason);
        return new(branch, [changed]);
    }

    private CheckedBranch CheckBranch(BranchDraft draft, EvaluationOrganisation organisation, IRegistryReadModel model, Branch? existing)
    {
        var input = new Violations();
        Identifiers.Check(draft.Id, "branch.id", input);
        var name = Text.Required(draft.Name, "branch.name", Text.NameMaxLength, input);
        var creditCode = CreditCodes.Check(draft.CreditCode, "branch.credit_code", input, model, existing?.Id);
        if (existing is not null && input is { Any: false } && creditCode != existing.CreditCode)
        {
            input.Add("branch.credit_code", $"a branch's credit code identifies it and cannot change (it is {existing.CreditCode}); register a new branch instead");
        }

        if (!ProvinceRegion.TryFind(draft.RegionCode, out var region))
        {
            input.Add("branch.region_code", $"'{draft.RegionCode}' is not a province-level region code (expected e.g. 110000 for 北京市)");
        }

        var address = Text.Required(draft.Address, "branch.address", Text.AddressMaxLength, input);
        var eligibility = EligibilityRule.Normalise(draft.Eligibility, BranchEligibilityField, input);
        input.ThrowIfAny();

        var occupations = OccupationLists.CheckCoverage(draft.Occupations, "branch.occupations", Catalogue);
        CheckSubsetOfParent(occupations, organisation);
        return new CheckedBranch(name, creditCode, region, address, eligibility, occupations);
    }

    // A branch evaluates on its organisation's behalf, so it cannot take on more than the organisation does.
    private void CheckSubsetOfParent(IReadOnlyList<OccupationCoverage> occupations, EvaluationOrganisation organisation)
    {
        var input = new Violations();
        for (var i = 0; i < occupations.Count; i++)
        {
            var wanted = occupations[i];
            var parents = organisation.Occupations.Where(p => p.Occupation.Includes(wanted.Occupation)).ToList();
            if (parents.Count == 0)
            {
                input.Add($"branch.occupations[{i}].code", $"{OccupationLists.Describe(wanted.Occupation, Catalogue)} is not among the occupations {organisation.Name} evaluates");
                continue;
            }

            var missing = wanted.Levels.Except(parents.SelectMany(p => p.Levels)).ToList();
            if (missing.Count > 0)
            {
                input.Add($"branch.occupations[{i}].levels", $"{organisation.Name} does not evaluate {OccupationLists.Describe(wanted.Occupation, Catalogue)} at level {string.Join(", ", missing)}");
            }
        }

        input.ThrowIfAny();
    }

    private sealed record CheckedBranch(
        string Name,
        UnifiedSocialCreditCode CreditCode,
        ProvinceRegion Region,
        string Address,
        EligibilityFacts Eligibility,
        IReadOnlyList<OccupationCoverage> Occupations);
}
