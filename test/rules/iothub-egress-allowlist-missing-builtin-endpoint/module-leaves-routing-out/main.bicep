// As the module's `max` test calls it: egress restricted to two unrelated hosts, routing left out (so the fallback route is on).
module testDeployment 'hub.bicep' = {
  name: 'test-dihmax'
  params: {
    name: 'contosodihmax001'
    allowedFqdnList: [
      'www.bing.com'
      'www.microsoft.com'
    ]
  }
}

// The same module as a compiled template: its nullable parameter left out is null as well.
module compiled 'hub.json' = {
  name: 'test-compiled'
  params: {
    name: 'contosocompiled001'
    allowedFqdnList: [ 'www.bing.com' ]
  }
}
