using 'file-upload.bicep'

param uploadAccountName = 'fabrikamuploads'
param uploadKey = az.getSecret('00000000-0000-0000-0000-000000000000', 'fabrikam-rg', 'fabrikam-kv', 'upload-sas')
