// Fills every default of the codeDeploy block (reference §2.3–2.4). The result
// is echoed in the trace and must itself validate again (the app re-simulates a
// trace's scenario with faults added), so nothing filled here may break a rule.
import {
  CUSTOM_CONFIG_NAME,
  DEFAULT_DEPLOYMENT_CONFIG,
  DEFAULT_TERMINATION_WAIT_MINUTES,
} from '../aws/codedeploy-facts.ts';
import type { BlueGreenDeploymentConfiguration, CodeDeploySettings, ComputePlatform } from './types.ts';

type Raw = Record<string, any>;

/** Instances in a Server deployment group when the scenario does not say (a simulator choice). */
export const DEFAULT_SERVER_INSTANCES = 3;

export function fillCodeDeploy(raw: Raw): CodeDeploySettings {
  const computePlatform: ComputePlatform = raw.computePlatform ?? 'Server';
  const server = computePlatform === 'Server';
  // Lambda and ECS deployments are always blue/green (reference §2).
  const deploymentType = raw.deploymentType ?? (server ? 'IN_PLACE' : 'BLUE_GREEN');
  const blueGreen = deploymentType === 'BLUE_GREEN';
  const filled: CodeDeploySettings = {
    computePlatform,
    deploymentType,
    // Only OneAtATime is documented as a default, and it is a Server configuration;
    // Lambda and ECS scenarios must name theirs (codedeploy-rules.ts says so).
    deploymentConfigName: raw.deploymentConfigName ?? (raw.customDeploymentConfig ? CUSTOM_CONFIG_NAME : DEFAULT_DEPLOYMENT_CONFIG),
    // Instances exist on Server only; 0 on Lambda and ECS.
    instances: raw.instances ?? (server ? DEFAULT_SERVER_INSTANCES : 0),
    // EC2 blue/green needs a load balancer; ECS blue/green always has one; Lambda has none.
    loadBalancer: raw.loadBalancer ?? (computePlatform === 'ECS' || (server && blueGreen)),
    autoRollbackConfiguration: {
      enabled: raw.autoRollbackConfiguration?.enabled ?? false,
      events: [...(raw.autoRollbackConfiguration?.events ?? [])],
    },
    ignoreApplicationStopFailures: raw.ignoreApplicationStopFailures ?? false,
  };
  if (raw.customDeploymentConfig) filled.customDeploymentConfig = structuredClone(raw.customDeploymentConfig);
  if (blueGreen && computePlatform !== 'Lambda') filled.blueGreenDeploymentConfiguration = fillBlueGreen(raw.blueGreenDeploymentConfiguration ?? {}, computePlatform);
  return filled;
}

function fillBlueGreen(raw: Raw, platform: ComputePlatform): BlueGreenDeploymentConfiguration {
  const ready = raw.deploymentReadyOption ?? {};
  const terminate = raw.terminateBlueInstancesOnDeploymentSuccess ?? {};
  return {
    deploymentReadyOption: {
      actionOnTimeout: ready.actionOnTimeout ?? 'CONTINUE_DEPLOYMENT',
      waitTimeInMinutes: ready.waitTimeInMinutes ?? 0,
    },
    terminateBlueInstancesOnDeploymentSuccess: {
      action: terminate.action ?? 'TERMINATE',
      // The console's default of one hour (reference §2.2), used for Server too.
      terminationWaitTimeInMinutes: terminate.terminationWaitTimeInMinutes ?? DEFAULT_TERMINATION_WAIT_MINUTES,
    },
    // ECS task sets are never provisioned from an Auto Scaling group; the field is filled for the type only.
    greenFleetProvisioningOption: { action: raw.greenFleetProvisioningOption?.action ?? (platform === 'ECS' ? 'DISCOVER_EXISTING' : 'COPY_AUTO_SCALING_GROUP') },
  };
}
