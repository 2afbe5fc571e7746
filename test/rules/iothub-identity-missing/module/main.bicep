// The hub module is given no identity, and its file upload is identity-based.
module hub 'hub.bicep' = {
  name: 'iotHub'
  params: {
    hubName: 'woodgrove-hub'
    identityType: 'None'
  }
}

// A second deployment with the system-assigned identity is fine.
module otherHub 'hub.bicep' = {
  name: 'otherIotHub'
  params: {
    hubName: 'woodgrove-other-hub'
    identityType: 'SystemAssigned'
  }
}
