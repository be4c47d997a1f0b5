using Pilot.Registry.Domain.Authorisation;
using Pilot.Registry.Domain.Commands;
using Pilot.Registry.Domain.Events;
using Pilot.Registry.Domain.Model;
using Pilot.Registry.Domain.State;
using Pilot.Registry.Domain.Validation;
using Pilot.SharedKernel;

namespace Pilot.Registry.Domain.Decisions;

public sealed partial class RegistryDecider
{
    public Decision<Batch> OpenBatch(OpenBatch command, Caller caller, IRegistryReadModel model)
    {
        RegistryPermissions.Demand(RegistryPermissions.MayManageBatches(caller), caller, "open a batch");

        var input = new Violations();
        Identifiers.Check(command.BatchId, "batch_id", input);
        var name = Text.Required(command.Name, "name", Text.NameMaxLength, input);
        CheckMilestones(command.Milestones, input);
        input.ThrowIfAny();

        if (model.FindBatch(command.BatchId) is not null)
        {
            throw DomainException.AlreadyExists("batch_id", $"batch {command.BatchId} already exists");
        }

        var batch = new Batch(command.BatchId, name, command.Milestones, BatchStatus.Open);
        var milestones = batch.Milestones;
        return new(batch, [new BatchOpened(batch.Id, batch.Name, milestones.PlanStandardsAndFirstList, milestones.LocalFilingGuidance, milestones.ImplementationPublicityAndDirectory)]);
    }

    public Decision<Batch> CloseBatch(CloseBatch command, Caller caller, IRegistryReadModel model)
    {
        RegistryPermissions.Demand(RegistryPermissions.MayManageBatches(caller), caller, "close a batch");

        var batch = model.FindBatch(command.BatchId)
            ?? throw DomainException.NotFound("batch_id", $"there is no batch {command.BatchId}");
        if (!batch.IsOpen)
        {
            throw DomainException.Precondition("batch_id", $"batch {batch.Id} ({batch.Name}) is already closed");
        }

        var closed = batch with { Status = BatchStatus.Closed };
        return new(closed, [new BatchClosed(closed.Id, closed.Name)]);
    }

    /// <summary>Finds a batch that is open, for the commands that add to one or change what it holds.</summary>
    /// <param name="field">The request field the refusal names (the batch id, or the record that belongs to the batch).</param>
    private static Batch RequireOpenBatch(string batchId, IRegistryReadModel model, string field = "batch_id")
    {
        var batch = model.FindBatch(batchId)
            ?? throw DomainException.NotFound(field, $"there is no batch {batchId}");
        if (!batch.IsOpen)
        {
            throw DomainException.Precondition(field, $"batch {batch.Id} ({batch.Name}) is closed");
        }

        return batch;
    }

    // The notice's steps follow one another (五), so the deadlines must too.
    private static void CheckMilestones(BatchMilestones? milestones, Violations input)
    {
        if (milestones is null)
        {
            input.Add("milestones", "the three milestone dates are required");
            return;
        }

        if (milestones.LocalFilingGuidance < milestones.PlanStandardsAndFirstList)
        {
            input.Add("milestones.local_filing_guidance", "local filing guidance cannot be due before the work plan and first list");
        }

        if (milestones.ImplementationPublicityAndDirectory < milestones.LocalFilingGuidance)
        {
            input.Add("milestones.implementation_publicity_and_directory", "the directory cannot be due before local filing guidance");
        }
    }
}
