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
    /// <summary>
    /// Records the national centre's exception to R1 for one party, named by credit code so it can
    /// precede the party's registration. <paramref name="now"/> is passed in to keep the decision pure.
    /// </summary>
    public Decision<ExceptionRecord> RecordException(RecordException command, Caller caller, IRegistryReadModel model, DateTimeOffset now)
    {
        RegistryPermissions.Demand(RegistryPermissions.MayRecordExceptions(caller), caller, "record exceptions");

        var input = new Violations();
        if (!Enum.IsDefined(command.Party))
        {
            input.Add("party", $"{(int)command.Party} is not a party kind (Organisation or Branch)");
        }

        var creditCode = CreditCodes.Check(command.CreditCode, "credit_code", input);
        var reason = Text.Required(command.Reason, "reason", Text.ReasonMaxLength, input);
        input.ThrowIfAny();

        if (model.FindException(creditCode) is not null)
        {
            throw DomainException.AlreadyExists("credit_code", $"an exception is already recorded for {creditCode}");
        }

        var holder = model.FindCreditCodeHolder(creditCode);
        if (holder is not null && holder.Party != command.Party)
        {
            throw DomainException.Invalid("party", $"{creditCode} is registered as {holder.Party} {holder.Id}, not as {command.Party}");
        }

        var record = new ExceptionRecord(command.Party, creditCode, RuleIds.Eligibility, reason, caller.Subject, now);
        var recorded = new ExceptionRecorded(record.Party, creditCode.Value, holder?.Id, holder?.Name, record.Rule, record.Reason, record.RecordedBy, record.RecordedAt);
        return new(record, [recorded]);
    }
}
