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
    public Decision<Department> RegisterDepartment(RegisterDepartment command, Caller caller, IRegistryReadModel model)
    {
        RegistryPermissions.Demand(RegistryPermissions.MayRegisterDepartment(caller, command.DepartmentId), caller, $"register department {command.DepartmentId}");

        var input = new Violations();
        Identifiers.Check(command.DepartmentId, "department.id", input);
        var name = Text.Required(command.Name, "department.name", Text.NameMaxLength, input);
        input.ThrowIfAny();
        var former = OccupationLists.CheckRefs(command.FormerOccupations, "department.former_occupations", Catalogue);
        RequireUnusedSponsorId(command.DepartmentId, "department.id", model);

        var department = new Department(command.DepartmentId, name, former);
        var registered = new SponsorRegistered(department.Id, SponsorKind.GovernmentDepartment, department.Name, null, EventItems.Of(former, Catalogue), []);
        return new(department, [registered]);
    }

    /// <summary>
    /// Registers an industry organisation as one evaluation-organisation record with an industry
    /// profile, and announces it both as a sponsor and as an organisation.
    /// </summary>
    public Decision<EvaluationOrganisation> RegisterIndustryOrganisation(RegisterIndustryOrganisation command, Caller caller, IRegistryReadModel model)
    {
        var draft = command.Organisation;
        RegistryPermissions.Demand(RegistryPermissions.MayRegisterIndustryOrganisation(caller, draft.Id), caller, $"register industry organisation {draft.Id}");

        var input = new Violations();
        var basics = CheckOrganisationBasics(draft, model, input);
        input.ThrowIfAny();
        var occupations = OccupationLists.CheckCoverage(draft.Occupations, "organisation.occupations", Catalogue);
        RequireUnusedSponsorId(draft.Id, "organisation.id", model);
        var industry = IndustryKindRule.Enforce(command.Kind, command.MemberAssociations);

        var organisation = new EvaluationOrganisation(draft.Id, basics.CreditCode, basics.Name, basics.LegalForm, null, industry, occupations, basics.Contacts, IsPublished: false);
        var items = EventItems.Of(occupations, Catalogue);
        IRegistryEvent[] events =
        [
            new SponsorRegistered(organisation.Id, SponsorKind.IndustryOrganisation, organisation.Name, industry.Kind, items, [.. industry.MemberAssociations.Select(m => m.Name)]),
            new OrganisationRegistered(organisation.Id, organisation.CreditCode.Value, organisation.Name, organisation.LegalForm, true, industry.Kind, items, organisation.Contacts, null),
        ];
        return new(organisation, events);
    }

    /// <summary>Departments and organisations share one id space, because a caller's org id names either.</summary>
    private static void RequireUnusedSponsorId(string id, string field, IRegistryReadModel model)
    {
        if (model.FindDepartment(id) is not null || model.FindOrganisation(id) is not null)
        {
            throw DomainException.AlreadyExists(field, $"{id} is already registered");
        }
    }
}
