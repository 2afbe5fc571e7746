using 'main.bicep'

param prefix = 'contoso'
